'use strict';
// The signature-checking proxy. Every request is read whole, its SigV4 signature is checked
// (sigv4-check.js). Then the proxy rejects it with the service's own error, responds with a fault
// a test queued, or forwards it unchanged to the backend of its service. Each decision is
// recorded in the request log.

const crypto = require('node:crypto');
const http = require('node:http');
const crc32 = require('buffer-crc32');
const { checkSignature } = require('./sigv4-check');
const { errorResponse, signatureErrorResponse } = require('./aws-errors');

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_LOGGED_BODY_BYTES = 1024 * 1024;
const HOP_BY_HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

// Names the operation of a request: X-Amz-Target's operation for DynamoDB and Secrets Manager,
// Action for SNS, and the S3 API name guessed from method, path and query for S3.
function operationName(service, request) {
  if (service === 'dynamodb' || service === 'secretsmanager') {
    const target = request.headers['x-amz-target'] || '';
    return target.slice(target.indexOf('.') + 1);
  }
  if (service === 'sns') {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const params = new URLSearchParams(query);
    if (!params.has('Action') && request.method === 'POST') {
      return new URLSearchParams(request.body.toString('utf8')).get('Action') || '';
    }
    return params.get('Action') || '';
  }
  if (service === 's3') {
    return s3OperationName(request);
  }
  return '';
}

function s3OperationName(request) {
  const [path, query = ''] = request.url.split('?');
  const params = new URLSearchParams(query);
  const segments = path.split('/').filter((segment) => segment !== '');
  const method = request.method;
  if (segments.length === 0) {
    return method === 'GET' ? 'ListBuckets' : `${method} /`;
  }
  if (segments.length === 1) {
    if (method === 'GET') {
      return params.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    }
    if (method === 'POST' && params.has('delete')) {
      return 'DeleteObjects';
    }
    return { PUT: 'CreateBucket', HEAD: 'HeadBucket', DELETE: 'DeleteBucket' }[method] || `${method} bucket`;
  }
  if (method === 'PUT' && request.headers['x-amz-copy-source']) {
    return 'CopyObject';
  }
  return { GET: 'GetObject', PUT: 'PutObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method] || `${method} object`;
}

// Queue of canned responses. A fault matches a service and, when given, an operation. `times`
// counts the requests it responds to (-1: every request until cleared).
class FaultQueue {
  constructor() {
    this.faults = [];
  }

  add(fault) {
    this.faults.push({ times: 1, ...fault });
  }

  clear() {
    this.faults = [];
  }

  take(service, operation) {
    const index = this.faults.findIndex((fault) => fault.service === service && (!fault.operation || fault.operation === operation));
    if (index < 0) {
      return null;
    }
    const fault = this.faults[index];
    if (fault.times > 0 && --fault.times === 0) {
      this.faults.splice(index, 1);
    }
    return fault;
  }
}

// Splits a BatchWriteItem body: keeps all but the last `count` write requests and returns those
// as unprocessed items, the way DynamoDB responds when it throttles part of a batch.
function holdBackWriteRequests(input, count) {
  const flat = [];
  for (const [table, requests] of Object.entries(input.RequestItems || {})) {
    for (const request of requests) {
      flat.push([table, request]);
    }
  }
  const keep = flat.slice(0, Math.max(0, flat.length - count));
  const held = flat.slice(keep.length);
  const group = (pairs) => {
    const grouped = {};
    for (const [table, request] of pairs) {
      (grouped[table] = grouped[table] || []).push(request);
    }
    return grouped;
  };
  return { forwarded: { ...input, RequestItems: group(keep) }, unprocessed: group(held), forwardedCount: keep.length };
}

function mergeUnprocessed(first, second) {
  const merged = { ...first };
  for (const [table, requests] of Object.entries(second)) {
    merged[table] = (merged[table] || []).concat(requests);
  }
  return merged;
}

// Replaces SecretString and SecretBinary in a Secrets Manager request body by their length, so
// the request log never contains a secret value.
function redactSecretValues(body) {
  try {
    const input = JSON.parse(body.toString('utf8'));
    for (const field of ['SecretString', 'SecretBinary']) {
      if (typeof input[field] === 'string') {
        input[field] = `(redacted, ${input[field].length} characters)`;
      }
    }
    return JSON.stringify(input);
  } catch {
    return '(redacted: not JSON)';
  }
}

function errorCodeOf(service, status, body) {
  if (status < 300 || !body || body.length === 0) {
    return null;
  }
  const text = body.toString('utf8');
  if (service === 's3' || service === 'sns') {
    const match = /<Code>([^<]*)<\/Code>/.exec(text);
    return match ? match[1] : null;
  }
  try {
    const type = JSON.parse(text).__type || '';
    return type.slice(type.indexOf('#') + 1) || null;
  } catch {
    return null;
  }
}

class SignatureProxy {
  // settings: as for checkSignature; backendPort(service) returns the backend's current port;
  // requestLog: RequestLog; faults: FaultQueue.
  constructor({ settings, backendPort, requestLog, faults }) {
    this.settings = settings;
    this.backendPort = backendPort;
    this.requestLog = requestLog;
    this.faults = faults;
    this.agent = new http.Agent({ keepAlive: true });
  }

  // Returns an HTTP server for one service's endpoint, or for every service when `service` is
  // null (the service is then taken from the credential scope).
  createServer(service) {
    return http.createServer((req, res) => {
      this.readBody(req)
        .then((body) => this.handle(service, req, res, body))
        .catch((error) => {
          this.requestLog.add({ service, method: req.method, path: req.url, decision: 'error', message: String(error && error.stack) });
          if (!res.headersSent) {
            const response = errorResponse(service || 'dynamodb', 500, 'InternalFailure', `Stand-in proxy error: ${error && error.message}`);
            res.writeHead(response.status, response.headers);
            res.end(response.body);
          } else {
            res.destroy();
          }
        });
    });
  }

  readBody(req) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      req.on('data', (chunk) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  async handle(listenerService, req, res, body) {
    const request = { method: req.method, url: req.url, headers: req.headers, body };
    const check = await checkSignature(request, listenerService, this.settings);
    const service = check.service;
    const entry = {
      service: service || null,
      operation: service ? operationName(service, request) : '',
      method: req.method,
      path: req.url,
      accessKeyId: check.accessKeyId || null,
    };
    if (service !== 's3' && body.length <= MAX_LOGGED_BODY_BYTES) {
      entry.body = service === 'secretsmanager' ? redactSecretValues(body) : body.toString('utf8');
    }

    if (!check.ok) {
      const response = signatureErrorResponse(check);
      this.requestLog.add({ ...entry, decision: 'rejected', status: response.status, errorCode: response.code, message: check.message, details: check.details });
      res.writeHead(response.status, response.headers);
      res.end(response.body);
      return;
    }

    const fault = this.faults.take(service, entry.operation);
    if (fault && fault.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    if (fault && fault.closeConnection) {
      this.requestLog.add({ ...entry, decision: 'fault', status: 0, message: 'connection closed without a response' });
      req.socket.destroy();
      return;
    }
    if (fault && fault.unprocessedItems) {
      await this.forwardWithUnprocessedItems(service, request, res, entry, fault.unprocessedItems);
      return;
    }
    if (fault && fault.status) {
      const headers = { 'content-type': fault.contentType || 'application/octet-stream', ...(fault.headers || {}) };
      const faultBody = Buffer.from(fault.body || '', 'utf8');
      this.requestLog.add({ ...entry, decision: 'fault', status: fault.status, errorCode: errorCodeOf(service, fault.status, faultBody) });
      res.writeHead(fault.status, headers);
      res.end(req.method === 'HEAD' ? undefined : faultBody);
      return;
    }

    const response = await this.forward(service, request, body);
    // S3 sends a request id with every response, and error messages quote it; s3rver sends none.
    if (service === 's3' && !response.headers['x-amz-request-id']) {
      response.headers['x-amz-request-id'] = crypto.randomBytes(8).toString('hex').toUpperCase();
    }
    this.requestLog.add({ ...entry, decision: 'forwarded', status: response.status, errorCode: errorCodeOf(service, response.status, response.body) });
    this.send(req, res, response);
  }

  // Answers BatchWriteItem after writing only part of it (see holdBackWriteRequests).
  async forwardWithUnprocessedItems(service, request, res, entry, count) {
    let input;
    try {
      input = JSON.parse(request.body.toString('utf8'));
    } catch {
      input = null;
    }
    if (service !== 'dynamodb' || entry.operation !== 'BatchWriteItem' || !input) {
      throw new Error(`an unprocessedItems fault only applies to DynamoDB BatchWriteItem, not ${service} ${entry.operation}`);
    }

    const { forwarded, unprocessed, forwardedCount } = holdBackWriteRequests(input, count);
    let output = { UnprocessedItems: {} };
    let status = 200;
    let headers = { 'content-type': 'application/x-amz-json-1.0' };
    if (forwardedCount > 0) {
      const backendBody = Buffer.from(JSON.stringify(forwarded), 'utf8');
      const response = await this.forward(service, request, backendBody);
      if (response.status !== 200) {
        this.requestLog.add({ ...entry, decision: 'forwarded', status: response.status, errorCode: errorCodeOf(service, response.status, response.body) });
        this.send({ method: request.method }, res, response);
        return;
      }
      output = JSON.parse(response.body.toString('utf8'));
      status = response.status;
      headers = response.headers;
    }
    output.UnprocessedItems = mergeUnprocessed(output.UnprocessedItems || {}, unprocessed);
    const outputBody = Buffer.from(JSON.stringify(output), 'utf8');
    // DynamoDB clients may check the CRC32 of the body that the response carries.
    const responseHeaders = { ...headers, 'content-length': String(outputBody.length), 'x-amz-crc32': String(crc32.unsigned(outputBody)) };
    this.requestLog.add({ ...entry, decision: 'fault', status, unprocessedItems: count, forwardedItems: forwardedCount });
    this.send({ method: request.method }, res, { status, headers: responseHeaders, body: outputBody });
  }

  forward(service, request, body) {
    return new Promise((resolve, reject) => {
      const headers = { ...request.headers, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const backend = http.request(
        { host: '127.0.0.1', port: this.backendPort(service), method: request.method, path: request.url, headers, agent: this.agent },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      backend.on('error', reject);
      backend.end(body);
    });
  }

  send(req, res, response) {
    const headers = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (!HOP_BY_HOP_HEADERS.has(name)) {
        headers[name] = value;
      }
    }
    if (req.method !== 'HEAD') {
      headers['content-length'] = String(response.body.length);
    }
    res.writeHead(response.status, headers);
    res.end(req.method === 'HEAD' ? undefined : response.body);
  }
}

module.exports = { SignatureProxy, FaultQueue, operationName, holdBackWriteRequests };
