'use strict';
// The control API: plain unsigned HTTP on its own port, for tests to set up and inspect the
// stand-ins. It never sits on a service endpoint, so it cannot hide a signing bug.
//
//   GET    /health               {"ok": true}
//   POST   /reset                empty tables, buckets, topics, secrets, messages, faults and log,
//                                then the configured buckets, topics and secrets again
//   GET    /sns/messages         messages published so far, oldest first
//   DELETE /sns/messages         deletes them
//   POST   /sns/topics           {"Name": "..."} -> {"TopicArn": "..."}
//   PUT    /secrets/NAME         {"SecretString": "..."} or {"SecretBinary": "base64"} -> {"ARN", "Name", "VersionId"}
//   GET    /requests[?service=S] the proxy's decisions, oldest first
//   DELETE /requests             deletes them
//   POST   /faults               queues a fault (see README.md)
//   DELETE /faults               drops queued faults

const http = require('node:http');

function createControlServer(standins) {
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      Promise.resolve()
        .then(() => route(standins, req, Buffer.concat(chunks).toString('utf8')))
        .then(([status, output]) => reply(res, status, output))
        .catch((error) => reply(res, error.status || 500, { error: error.message }));
    });
  });
}

function reply(res, status, output) {
  const body = JSON.stringify(output === undefined ? {} : output);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function parseJson(text) {
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw Object.assign(new Error('The body is not valid JSON.'), { status: 400 });
  }
}

async function route(standins, req, text) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const path = url.pathname;
  const method = req.method;

  if (method === 'GET' && path === '/health') {
    return [200, { ok: true }];
  }
  if (method === 'POST' && path === '/reset') {
    await standins.reset();
    return [200, {}];
  }
  if (path === '/sns/messages') {
    if (method === 'GET') {
      return [200, standins.sns.messages];
    }
    if (method === 'DELETE') {
      standins.sns.messages = [];
      return [200, {}];
    }
  }
  if (method === 'POST' && path === '/sns/topics') {
    const input = parseJson(text);
    if (typeof input.Name !== 'string' || input.Name === '') {
      return [400, { error: 'Name is required.' }];
    }
    return [200, { TopicArn: standins.sns.createTopic(input.Name) }];
  }
  if (method === 'PUT' && path.startsWith('/secrets/')) {
    const name = decodeURIComponent(path.slice('/secrets/'.length));
    const input = parseJson(text);
    if (typeof input.SecretString !== 'string' && typeof input.SecretBinary !== 'string') {
      return [400, { error: 'SecretString or SecretBinary (base64) is required.' }];
    }
    return [200, standins.secretsManager.store(name, input)];
  }
  if (path === '/requests') {
    if (method === 'GET') {
      return [200, standins.requestLog.list(url.searchParams.get('service'))];
    }
    if (method === 'DELETE') {
      standins.requestLog.clear();
      return [200, {}];
    }
  }
  if (path === '/faults') {
    if (method === 'POST') {
      const fault = parseJson(text);
      if (!['s3', 'dynamodb', 'sns', 'secretsmanager'].includes(fault.service)) {
        return [400, { error: 'service must be s3, dynamodb, sns or secretsmanager.' }];
      }
      if (!fault.status && !fault.unprocessedItems && !fault.closeConnection) {
        return [400, { error: 'A fault needs status, unprocessedItems or closeConnection.' }];
      }
      standins.faults.add(fault);
      return [200, {}];
    }
    if (method === 'DELETE') {
      standins.faults.clear();
      return [200, {}];
    }
  }
  return [404, { error: `No control route ${method} ${path}.` }];
}

module.exports = { createControlServer };
