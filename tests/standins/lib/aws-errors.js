'use strict';
// Error responses in the shape each AWS service sends them: S3 and SNS respond in XML, DynamoDB
// and Secrets Manager in JSON with "__type". DynamoDB sends signature errors with status 400
// (InvalidSignatureException, as its error-handling guide shows), S3 and SNS with 403.
// NOTE: Secrets Manager is assumed to answer like DynamoDB, and the codes for an invalid session
// token, an expired request or a wrong service in the scope are modelled on similar errors. None
// of these was checked against AWS.

const crypto = require('node:crypto');

// Per failure kind (see sigv4-check.js) and service: [HTTP status, AWS error code].
const SIGNATURE_ERRORS = {
  missing: {
    s3: [403, 'AccessDenied'],
    sns: [403, 'MissingAuthenticationToken'],
    json: [400, 'MissingAuthenticationTokenException'],
  },
  malformed: {
    s3: [400, 'AuthorizationHeaderMalformed'],
    sns: [400, 'IncompleteSignature'],
    json: [400, 'IncompleteSignatureException'],
  },
  wrongService: {
    s3: [400, 'AuthorizationHeaderMalformed'],
    sns: [403, 'SignatureDoesNotMatch'],
    json: [400, 'InvalidSignatureException'],
  },
  wrongRegion: {
    s3: [400, 'AuthorizationHeaderMalformed'],
    sns: [403, 'SignatureDoesNotMatch'],
    json: [400, 'InvalidSignatureException'],
  },
  unknownKey: {
    s3: [403, 'InvalidAccessKeyId'],
    sns: [403, 'InvalidClientTokenId'],
    json: [400, 'UnrecognizedClientException'],
  },
  badToken: {
    s3: [400, 'InvalidToken'],
    sns: [403, 'InvalidClientTokenId'],
    json: [400, 'UnrecognizedClientException'],
  },
  expired: {
    s3: [403, 'RequestTimeTooSkewed'],
    sns: [400, 'RequestExpired'],
    json: [400, 'InvalidSignatureException'],
  },
  missingContentSha: { s3: [400, 'InvalidRequest'] },
  badContentSha: { s3: [400, 'InvalidArgument'] },
  contentShaMismatch: { s3: [400, 'XAmzContentSHA256Mismatch'] },
  headersNotSigned: { s3: [403, 'AccessDenied'] },
  streamingUnsupported: { s3: [501, 'NotImplemented'] },
  mismatch: {
    s3: [403, 'SignatureDoesNotMatch'],
    sns: [403, 'SignatureDoesNotMatch'],
    json: [400, 'InvalidSignatureException'],
  },
};

const JSON_CONTENT_TYPES = {
  dynamodb: 'application/x-amz-json-1.0',
  secretsmanager: 'application/x-amz-json-1.1',
};

function newRequestId() {
  return crypto.randomUUID();
}

function escapeXml(text) {
  return String(text).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);
}

// Builds { status, headers, body } for an error. `details` are extra elements of an S3 error body,
// or text appended to the message of the other services (AWS puts the canonical request there).
function errorResponse(service, status, code, message, details = {}) {
  const requestId = newRequestId();
  if (service === 's3') {
    const extra = Object.entries(details)
      .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
      .join('');
    return {
      status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
      body:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${extra}<RequestId>${requestId}</RequestId></Error>`,
    };
  }

  const detailText = details.CanonicalRequest
    ? `\n\nThe Canonical String for this request should have been\n'${details.CanonicalRequest}'\n\nThe String-to-Sign should have been\n'${details.StringToSign}'\n`
    : '';
  if (service === 'sns') {
    const type = status >= 500 ? 'Receiver' : 'Sender';
    return {
      status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body:
        '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">\n' +
        `  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${escapeXml(message + detailText)}</Message>\n  </Error>\n` +
        `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
    };
  }

  // DynamoDB and Secrets Manager. Authentication errors come from AWS's common front end and carry
  // its "com.amazon.coral.service#" prefix; clients strip everything up to '#'.
  const coral = /Signature|Authentication|UnrecognizedClient|UnknownOperation/.test(code);
  return {
    status,
    headers: {
      'content-type': JSON_CONTENT_TYPES[service] || 'application/json',
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({
      __type: coral ? `com.amazon.coral.service#${code}` : code,
      [service === 'dynamodb' || coral ? 'message' : 'Message']: message + detailText,
    }),
  };
}

// Builds the response to a SignatureFailure from sigv4-check.js.
function signatureErrorResponse(failure) {
  const service = failure.service || 'unknown';
  const table = SIGNATURE_ERRORS[failure.kind] || SIGNATURE_ERRORS.mismatch;
  const family = service === 's3' || service === 'sns' ? service : 'json';
  const [status, code] = table[family] || SIGNATURE_ERRORS.mismatch[family];
  const details = service === 's3' ? failure.details : { ...failure.details };
  return { code, ...errorResponse(service, status, code, failure.message, details) };
}

module.exports = { errorResponse, signatureErrorResponse, escapeXml, newRequestId };
