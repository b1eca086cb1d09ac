'use strict';
// Verifies the AWS Signature Version 4 of a request received with an Authorization header.
// The signature is recomputed with AWS's own signer (@smithy/signature-v4, the signer of the AWS
// SDK for JavaScript v3) from the parts of the request the client listed in SignedHeaders. A
// signing bug in a client therefore makes its request fail here as it would on AWS.

const crypto = require('node:crypto');
const { SignatureV4, getCanonicalHeaders } = require('@smithy/signature-v4');
const { HttpRequest, escapeUri } = require('@smithy/core/protocols');
const { Sha256 } = require('@aws-crypto/sha256-js');

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const AMZ_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

// A rejected request. `kind` selects the AWS error code in aws-errors.js, and `details` contains
// the extra fields AWS puts in its error body (canonical request, string to sign, ...).
class SignatureFailure {
  constructor(kind, message, details = {}) {
    this.ok = false;
    this.kind = kind;
    this.message = message;
    this.details = details;
  }
}

// Parses "AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b,
// Signature=HEX". Returns the parts, or a SignatureFailure.
function parseAuthorization(value) {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== ALGORITHM) {
    return new SignatureFailure('malformed', `Unsupported authorization algorithm "${algorithm}"; expected ${ALGORITHM}.`);
  }

  const fields = {};
  for (const part of value.slice(space + 1).split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) {
      fields[part.slice(0, equals).trim()] = part.slice(equals + 1).trim();
    }
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !fields[name]);
  if (missing.length > 0) {
    return new SignatureFailure('malformed', `Authorization header requires ${missing.join(', ')} parameter(s).`);
  }

  const scope = fields.Credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    return new SignatureFailure(
      'malformed',
      `Credential "${fields.Credential}" must have the form KEY/YYYYMMDD/REGION/SERVICE/aws4_request.`,
    );
  }
  const [accessKeyId, date, region, service] = scope;
  return {
    ok: true,
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: fields.SignedHeaders.split(';'),
    signature: fields.Signature,
  };
}

// Parses the raw query string into decoded keys and values, as AWS does before it sorts and
// re-encodes them for the canonical request.
function parseQuery(rawQuery) {
  const query = {};
  for (const pair of rawQuery.split('&')) {
    if (pair === '') {
      continue;
    }
    const equals = pair.indexOf('=');
    const key = decodeComponent(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decodeComponent(pair.slice(equals + 1));
    if (key in query) {
      query[key] = [].concat(query[key], value);
    } else {
      query[key] = value;
    }
  }
  return query;
}

function decodeComponent(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// S3 signs each path segment URI-encoded once, from the decoded key: a client that sends or signs
// "a=b" where S3 expects "a%3Db" fails as it would on S3. Other services encode the path twice,
// which the signer does itself (uriEscapePath).
function s3CanonicalPath(rawPath) {
  return rawPath
    .split('/')
    .map((segment) => escapeUri(decodeComponent(segment)))
    .join('/');
}

function parseAmzDate(value) {
  const match = AMZ_DATE_PATTERN.exec(value || '');
  if (!match) {
    return null;
  }
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

function sha256Hex(body) {
  return crypto.createHash('sha256').update(body).digest('hex');
}

// Checks a request's signature.
//   request: { method, url (raw request target), headers (lower-case names), body (Buffer) }
//   expectedService: 's3', 'dynamodb', 'sns', 'secretsmanager', or null to take it from the scope
//   settings: { region, credentials: Map(accessKeyId -> { secretAccessKey, sessionToken }),
//               maxClockSkewSeconds, now: () => Date }
// Returns { ok: true, accessKeyId, service } or a SignatureFailure. Both carry `service` when it
// is known, so the caller can shape the error as that service would.
async function checkSignature(request, expectedService, settings) {
  const result = await verify(request, expectedService, settings);
  if (!result.service) {
    result.service = expectedService;
  }
  return result;
}

async function verify(request, expectedService, settings) {
  const { headers } = request;
  if (!headers.authorization) {
    const presigned = /[?&]X-Amz-Algorithm=/i.test(request.url);
    return new SignatureFailure(
      'missing',
      presigned
        ? 'Query-string (presigned) authentication is not supported by the stand-ins; sign the Authorization header.'
        : 'Request is missing the Authorization header.',
    );
  }

  const auth = parseAuthorization(headers.authorization);
  if (!auth.ok) {
    return auth;
  }
  const service = expectedService || auth.service;
  const fail = (kind, message, details) => Object.assign(new SignatureFailure(kind, message, details), { service, accessKeyId: auth.accessKeyId });

  if (expectedService && auth.service !== expectedService) {
    return fail('wrongService', `Credential should be scoped to correct service: '${expectedService}', not '${auth.service}'.`);
  }
  if (!['s3', 'dynamodb', 'sns', 'secretsmanager'].includes(service)) {
    return fail('wrongService', `Service '${service}' in the credential scope has no stand-in.`);
  }
  if (auth.region !== settings.region) {
    return fail('wrongRegion', `Credential should be scoped to a valid region: '${auth.region}' is wrong; expecting '${settings.region}'.`, {
      Region: settings.region,
    });
  }

  const keys = settings.credentials.get(auth.accessKeyId);
  if (!keys) {
    return fail('unknownKey', `The access key id ${auth.accessKeyId} is not one of the stand-ins' keys.`);
  }
  const token = headers['x-amz-security-token'];
  if ((keys.sessionToken || '') !== (token || '')) {
    return fail(
      'badToken',
      keys.sessionToken
        ? `Access key ${auth.accessKeyId} is temporary: the request needs its session token in x-amz-security-token.`
        : `Access key ${auth.accessKeyId} is long-term: the request must not send x-amz-security-token.`,
    );
  }

  const amzDate = headers['x-amz-date'];
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) {
    return fail('malformed', `x-amz-date "${amzDate || ''}" is missing or not of the form YYYYMMDDTHHMMSSZ.`);
  }
  if (amzDate.slice(0, 8) !== auth.date) {
    return fail('malformed', `Date in Credential scope (${auth.date}) does not match YYYYMMDD of x-amz-date (${amzDate}).`);
  }
  const skewSeconds = Math.abs(settings.now().getTime() - signingDate.getTime()) / 1000;
  if (skewSeconds > settings.maxClockSkewSeconds) {
    return fail('expired', `Signature expired: x-amz-date ${amzDate} is more than ${settings.maxClockSkewSeconds} s from the server time ${settings.now().toISOString()}.`, {
      RequestTime: amzDate,
      ServerTime: settings.now().toISOString(),
    });
  }

  const signed = new Set(auth.signedHeaders);
  for (const required of ['host', 'x-amz-date']) {
    if (!signed.has(required)) {
      return fail('malformed', `SignedHeaders must include '${required}'.`);
    }
  }

  // S3 takes the payload hash from x-amz-content-sha256, which must match the body. The other
  // services hash the body themselves, so a header that disagrees with the body is a mismatch.
  const bodyHash = sha256Hex(request.body);
  const contentSha = headers['x-amz-content-sha256'];
  if (service === 's3') {
    if (!contentSha) {
      return fail('missingContentSha', 'Missing required header for this request: x-amz-content-sha256.');
    }
    if (contentSha.startsWith('STREAMING-')) {
      return fail('streamingUnsupported', `x-amz-content-sha256 ${contentSha} (aws-chunked uploads) is not supported by the stand-ins.`);
    }
    if (contentSha !== UNSIGNED_PAYLOAD && !SHA256_HEX_PATTERN.test(contentSha)) {
      return fail('badContentSha', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-..., or a valid lower-case sha256 value.');
    }
    if (contentSha !== UNSIGNED_PAYLOAD && contentSha !== bodyHash) {
      return fail('contentShaMismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        ClientComputedContentSHA256: contentSha,
        S3ComputedContentSHA256: bodyHash,
      });
    }
    const unsigned = Object.keys(headers).filter((name) => name.startsWith('x-amz-') && !signed.has(name));
    if (unsigned.length > 0) {
      return fail('headersNotSigned', 'There were headers present in the request which were not signed.', {
        HeadersNotSigned: unsigned.join(', '),
      });
    }
  } else if (contentSha && contentSha !== bodyHash) {
    return fail('mismatch', `x-amz-content-sha256 ${contentSha} does not match the SHA-256 of the body (${bodyHash}).`);
  }

  // AWS rejects a SignedHeaders entry that the request lacks; libcurl 7.88 produces one when a
  // header is removed with an empty value ("Expect:").
  const absent = auth.signedHeaders.filter((name) => headers[name] === undefined);
  if (absent.length > 0 && service !== 's3') {
    return fail('malformed', `'${absent[0]}' is named as a SignedHeader, but it does not exist in the HTTP request.`);
  }

  // Rebuild the request from the headers the client signed, with their values as received.
  const signedHeaderValues = {};
  for (const name of auth.signedHeaders) {
    if (headers[name] !== undefined) {
      signedHeaderValues[name] = headers[name];
    }
  }
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : request.url.slice(queryStart + 1);
  const httpRequest = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: (headers.host || '').replace(/:\d+$/, ''),
    path: service === 's3' ? s3CanonicalPath(rawPath) : rawPath,
    query: parseQuery(rawQuery),
    headers: signedHeaderValues,
    body: request.body.length > 0 ? new Uint8Array(request.body) : undefined,
  });

  // Session tokens were compared above. The signer gets none, because it would add and sign the
  // header even when the client did not sign it.
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: keys.secretAccessKey },
    region: auth.region,
    service,
    sha256: Sha256,
    uriEscapePath: service !== 's3',
    applyChecksum: false,
  });
  const signable = new Set(auth.signedHeaders);
  const expected = await signer.sign(httpRequest, { signingDate, signableHeaders: signable });
  const expectedSignature = /Signature=([0-9a-f]+)/.exec(expected.headers.authorization)[1];
  if (expectedSignature === auth.signature) {
    return { ok: true, service, accessKeyId: auth.accessKeyId };
  }

  // Recompute the canonical request and string to sign for the error body, as AWS returns them.
  const canonicalHeaders = getCanonicalHeaders({ headers: signedHeaderValues }, undefined, signable);
  const payloadHash = service === 's3' ? contentSha : signedHeaderValues['x-amz-content-sha256'] || bodyHash;
  const canonicalRequest = signer.createCanonicalRequest(httpRequest, canonicalHeaders, payloadHash);
  const scope = `${auth.date}/${auth.region}/${service}/aws4_request`;
  const stringToSign = await signer.createStringToSign(amzDate, scope, canonicalRequest, ALGORITHM);
  const note = absent.length > 0 ? ` SignedHeaders lists headers the request does not have: ${absent.join(', ')}.` : '';
  return fail('mismatch', `The request signature we calculated does not match the signature you provided. Check your key and signing method.${note}`, {
    AWSAccessKeyId: auth.accessKeyId,
    SignatureProvided: auth.signature,
    StringToSign: stringToSign,
    CanonicalRequest: canonicalRequest,
  });
}

module.exports = { checkSignature, parseAuthorization, parseQuery, s3CanonicalPath, sha256Hex };
