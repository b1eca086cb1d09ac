'use strict';
// Helpers for the Node tests of the stand-ins: start them, and send requests signed by AWS's
// JavaScript signer.

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { SignatureV4 } = require('@smithy/signature-v4');
const { HttpRequest } = require('@smithy/core/protocols');
const { Sha256 } = require('@aws-crypto/sha256-js');

const LONG_TERM = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const TEMPORARY = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYTEMPORARY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLE//wodetl+standin/session+token=',
};

// Starts standins.js with `config`; resolves to { ready, stop() }.
async function startStandins(config = {}) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wodetl-standins-test-'));
  const configFile = path.join(folder, 'config.json');
  const readyFile = path.join(folder, 'ready.json');
  fs.writeFileSync(configFile, JSON.stringify({ logFile: path.join(folder, 'requests.log'), ...config }));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', path.join(__dirname, '..', 'standins.js'), '--config', configFile, '--ready-file', readyFile, '--exit-with-parent'], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 30000;
  while (!fs.existsSync(readyFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`stand-ins did not start (exit code ${child.exitCode})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ready = JSON.parse(fs.readFileSync(readyFile, 'utf8'));
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', () => {
        fs.rmSync(folder, { recursive: true, force: true });
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { ready, stop, folder };
}

// Sends a raw HTTP request; resolves to { status, headers, body (string) }.
function send(url, { method = 'GET', headers = {}, body = '' }) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = http.request(
      { host: target.hostname, port: target.port, method, path: target.pathname + target.search, headers },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

// Signs a request for `service` with @smithy/signature-v4 and returns its headers (the raw path
// and query are sent exactly as given).
async function signHeaders(endpoint, service, { method = 'POST', path: rawPath = '/', query = {}, headers = {}, body = '' }, credentials = LONG_TERM, options = {}) {
  const target = new URL(endpoint);
  const request = new HttpRequest({
    method,
    protocol: 'http:',
    hostname: target.hostname,
    port: Number(target.port),
    path: rawPath,
    query,
    headers: { host: target.host, ...headers },
    body,
  });
  const signer = new SignatureV4({
    credentials,
    region: options.region || 'us-east-1',
    service: options.signingService || service,
    sha256: Sha256,
    uriEscapePath: service !== 's3',
    applyChecksum: service === 's3',
  });
  const signed = await signer.sign(request, { signingDate: options.signingDate || new Date() });
  return signed.headers;
}

// Signs and sends a request; `query` is given already encoded in `rawQuery` for sending and
// decoded in `query` for signing.
async function signedSend(endpoint, service, spec, credentials, options = {}) {
  const headers = await signHeaders(endpoint, service, spec, credentials, options);
  const url = endpoint + (spec.path || '/') + (spec.rawQuery ? `?${spec.rawQuery}` : '');
  return send(url, { method: spec.method || 'POST', headers: { ...headers, ...(options.overrideHeaders || {}) }, body: options.sentBody ?? spec.body ?? '' });
}

function dynamoRequest(operation, input) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` },
    body: JSON.stringify(input),
  };
}

function secretsRequest(operation, input) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `secretsmanager.${operation}` },
    body: JSON.stringify(input),
  };
}

function snsRequest(params) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ Version: '2010-03-31', ...params }).toString(),
  };
}

function s3Request(method, rawPath, body = '') {
  return { method, path: rawPath, headers: { 'x-amz-content-sha256': sha256Hex(body) }, body };
}

function sha256Hex(text) {
  return crypto.createHash('sha256').update(text).digest('hex');
}

async function control(ready, method, route, input) {
  const response = await send(ready.control + route, {
    method,
    headers: { 'content-type': 'application/json' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  return { status: response.status, json: JSON.parse(response.body) };
}

module.exports = {
  LONG_TERM,
  TEMPORARY,
  startStandins,
  send,
  signHeaders,
  signedSend,
  dynamoRequest,
  secretsRequest,
  snsRequest,
  s3Request,
  sha256Hex,
  control,
};
