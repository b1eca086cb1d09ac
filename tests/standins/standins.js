'use strict';
// Starts wodetl's local AWS stand-ins in this one process, all on 127.0.0.1 with ports the system
// picks: dynalite (DynamoDB), s3rver (S3), the SNS and Secrets Manager stand-ins, the
// signature-checking proxy in front of each, and the control API. When everything listens it
// writes one JSON object with the endpoints to --ready-file (or standard output).
//
//   node --openssl-legacy-provider standins.js [--config FILE] [--ready-file FILE] [--exit-with-parent]
//
// --exit-with-parent ends the process when its standard input closes, so stand-ins started by a
// test process that dies do not outlive it. SIGTERM and SIGINT end it too.
// Running dynalite and s3rver as libraries in one process (rather than their CLIs in three) gives
// one PID to stop and lets every server listen on port 0; dynalite's CLI cannot pick a free port.

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const dynalite = require('dynalite');
const S3rver = require('s3rver');
// s3rver accepts only access keys registered in its account; it does not check SigV4 signatures.
const { DUMMY_ACCOUNT: s3rverAccount } = require('s3rver/lib/models/account');
const { SignatureProxy, FaultQueue } = require('./lib/proxy');
const { RequestLog } = require('./lib/request-log');
const { SnsStandin } = require('./lib/sns');
const { SecretsManagerStandin } = require('./lib/secrets-manager');
const { createControlServer } = require('./lib/control');

const HOST = '127.0.0.1';
const ACCOUNT_ID = '123456789012';

// The keys of AWS's documentation examples: a long-term key and a temporary one with a session
// token. s3rver's own S3RVER key works too.
const DEFAULT_CREDENTIALS = [
  { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  {
    accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYTEMPORARY',
    sessionToken: 'FwoGZXIvYXdzEXAMPLE//wodetl+standin/session+token=',
  },
  { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
];

function parseArguments(argv) {
  const options = { config: null, readyFile: null, exitWithParent: false };
  for (let index = 0; index < argv.length; ++index) {
    const argument = argv[index];
    if (argument === '--config') {
      options.config = argv[++index];
    } else if (argument === '--ready-file') {
      options.readyFile = argv[++index];
    } else if (argument === '--exit-with-parent') {
      options.exitWithParent = true;
    } else {
      throw new Error(`Unknown argument "${argument}". Usage: standins.js [--config FILE] [--ready-file FILE] [--exit-with-parent]`);
    }
  }
  return options;
}

// Reads the configuration; every field is optional.
//   region (default us-east-1), credentials [{accessKeyId, secretAccessKey, sessionToken}]
//   (added to the default keys), buckets ["name"], topics ["name"], secrets {"name": "value"},
//   s3Directory (default: a temporary folder removed at exit), logFile (default: none),
//   maxClockSkewSeconds (default 900, as AWS).
function loadConfig(file) {
  const config = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  return {
    region: config.region || 'us-east-1',
    credentials: DEFAULT_CREDENTIALS.concat(config.credentials || []),
    buckets: config.buckets || [],
    topics: config.topics || [],
    secrets: config.secrets || {},
    s3Directory: config.s3Directory || null,
    logFile: config.logFile || null,
    maxClockSkewSeconds: config.maxClockSkewSeconds ?? 900,
  };
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve(server.address().port));
  });
}

// Serves a stand-in object with handle(request) -> { status, headers, body } over HTTP.
function createStandinServer(standin) {
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const response = standin.handle({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
      res.end(response.body);
    });
  });
}

class Standins {
  constructor(config) {
    this.config = config;
    this.requestLog = new RequestLog(config.logFile);
    this.faults = new FaultQueue();
    this.sns = new SnsStandin({ region: config.region, accountId: ACCOUNT_ID });
    this.secretsManager = new SecretsManagerStandin({ region: config.region, accountId: ACCOUNT_ID });
    this.ports = {};
    this.credentials = new Map(config.credentials.map((entry) => [entry.accessKeyId, entry]));
    for (const entry of config.credentials) {
      s3rverAccount.createKeyPair(entry.accessKeyId, entry.secretAccessKey);
    }
  }

  async start() {
    const started = Date.now();
    const { config } = this;
    this.ownsS3Directory = !config.s3Directory;
    this.s3Directory = config.s3Directory || fs.mkdtempSync(path.join(os.tmpdir(), 'wodetl-s3rver-'));

    await this.startDynalite();
    this.s3rver = new S3rver({
      address: HOST,
      port: 0,
      silent: true,
      directory: this.s3Directory,
      configureBuckets: config.buckets.map((name) => ({ name, configs: [] })),
    });
    this.ports.s3 = (await this.s3rver.run()).port;
    this.sns.reset(config.topics);
    this.secretsManager.reset(config.secrets);
    this.ports.sns = await listen(createStandinServer(this.sns));
    this.ports.secretsmanager = await listen(createStandinServer(this.secretsManager));

    const proxy = new SignatureProxy({
      settings: { region: config.region, credentials: this.credentials, maxClockSkewSeconds: config.maxClockSkewSeconds, now: () => new Date() },
      backendPort: (service) => this.ports[service],
      requestLog: this.requestLog,
      faults: this.faults,
    });
    const endpoints = {};
    for (const service of ['s3', 'dynamodb', 'sns', 'secretsmanager']) {
      endpoints[service] = `http://${HOST}:${await listen(proxy.createServer(service))}`;
    }
    endpoints.any = `http://${HOST}:${await listen(proxy.createServer(null))}`;
    const controlPort = await listen(createControlServer(this));

    const backends = {};
    for (const service of ['s3', 'dynamodb', 'sns', 'secretsmanager']) {
      backends[service] = `http://${HOST}:${this.ports[service]}`;
    }
    const ready = {
      pid: process.pid,
      region: config.region,
      accountId: ACCOUNT_ID,
      endpoints,
      backends,
      control: `http://${HOST}:${controlPort}`,
      credentials: config.credentials,
      logFile: config.logFile,
      startupMs: Date.now() - started,
    };
    this.requestLog.note('ready', { ...ready, credentials: undefined });
    return ready;
  }

  async startDynalite() {
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    this.ports.dynamodb = await listen(server);
    const previous = this.dynaliteServer;
    this.dynaliteServer = server;
    if (previous) {
      previous.closeAllConnections();
      previous.close(() => {});
    }
  }

  // Gives every test a clean slate: a fresh in-memory dynalite on a new backend port (the proxy
  // endpoints stay the same), emptied s3rver storage and the configured buckets, topics and
  // secrets again.
  async reset() {
    await this.startDynalite();
    this.s3rver.reset();
    await this.s3rver.configureBuckets();
    this.sns.reset(this.config.topics);
    this.secretsManager.reset(this.config.secrets);
    this.faults.clear();
    this.requestLog.clear();
    this.requestLog.note('reset');
  }

  cleanUp() {
    if (this.ownsS3Directory && this.s3Directory) {
      fs.rmSync(this.s3Directory, { recursive: true, force: true });
    }
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const standins = new Standins(loadConfig(options.config));
  process.on('exit', () => standins.cleanUp());
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      standins.requestLog.note('stop', { signal });
      process.exit(0);
    });
  }
  if (options.exitWithParent) {
    process.stdin.on('end', () => process.exit(0));
    process.stdin.on('error', () => process.exit(0));
    process.stdin.resume();
  }

  const ready = await standins.start();
  const text = JSON.stringify(ready);
  if (options.readyFile) {
    // Written under another name and renamed, so a reader never sees half the object.
    fs.writeFileSync(`${options.readyFile}.tmp`, text + '\n');
    fs.renameSync(`${options.readyFile}.tmp`, options.readyFile);
  } else {
    process.stdout.write(text + '\n');
  }
}

main().catch((error) => {
  process.stderr.write(`AWS stand-ins failed to start: ${error && error.stack}\n`);
  process.exit(1);
});
