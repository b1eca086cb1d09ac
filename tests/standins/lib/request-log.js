'use strict';
// Record of the proxy's decisions: kept in memory for the control API (GET /requests) and
// appended to a JSON-lines file for debugging a failed test. Entries never contain the
// Authorization header, a secret key or a secret value: request bodies are kept for DynamoDB and
// SNS, and for Secrets Manager with SecretString and SecretBinary redacted.

const fs = require('node:fs');

const MAX_ENTRIES = 10000;

class RequestLog {
  constructor(file) {
    this.file = file;
    this.entries = [];
    this.sequence = 0;
  }

  add(entry) {
    const record = { sequence: ++this.sequence, time: new Date().toISOString(), ...entry };
    this.entries.push(record);
    if (this.entries.length > MAX_ENTRIES) {
      this.entries.shift();
    }
    this.write(record);
  }

  // Writes a line that is not a request decision (start, reset, stop).
  note(event, fields = {}) {
    this.write({ time: new Date().toISOString(), event, ...fields });
  }

  write(record) {
    if (this.file) {
      // Synchronous, so the line is on disk even when the process is killed right after.
      fs.appendFileSync(this.file, JSON.stringify(record) + '\n');
    }
  }

  list(service) {
    return service ? this.entries.filter((entry) => entry.service === service) : this.entries;
  }

  clear() {
    this.entries = [];
  }
}

module.exports = { RequestLog };
