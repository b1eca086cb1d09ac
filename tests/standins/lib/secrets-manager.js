'use strict';
// Stand-in for AWS Secrets Manager over its JSON 1.1 protocol (POST /, X-Amz-Target:
// secretsmanager.<Operation>). It implements CreateSecret, PutSecretValue, GetSecretValue and
// DeleteSecret with versions and the AWSCURRENT / AWSPREVIOUS staging labels, and the errors a
// client of those operations has to handle. Secrets live in memory only.

const crypto = require('node:crypto');
const { errorResponse, newRequestId } = require('./aws-errors');

const TARGET_PREFIX = 'secretsmanager.';
const NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

class SecretsManagerStandin {
  constructor({ region, accountId }) {
    this.region = region;
    this.accountId = accountId;
    this.reset({});
  }

  // Deletes every secret, then creates those in `seed` (name -> SecretString).
  reset(seed) {
    this.secrets = new Map();
    for (const [name, value] of Object.entries(seed)) {
      this.store(name, { SecretString: value });
    }
  }

  // Creates the secret or adds a new AWSCURRENT version to it. Used by the control API.
  store(name, value) {
    const existing = this.secrets.get(name);
    if (existing && !existing.deletedDate) {
      return this.addVersion(existing, value, undefined);
    }
    const secret = this.newSecret(name);
    return this.addVersion(secret, value, undefined);
  }

  newSecret(name) {
    const suffix = crypto.randomBytes(3).toString('hex');
    const secret = {
      name,
      arn: `arn:aws:secretsmanager:${this.region}:${this.accountId}:secret:${name}-${suffix}`,
      versions: new Map(),
      createdDate: nowSeconds(),
      deletedDate: null,
    };
    this.secrets.set(name, secret);
    return secret;
  }

  addVersion(secret, value, clientRequestToken) {
    const versionId = clientRequestToken || crypto.randomUUID();
    for (const version of secret.versions.values()) {
      version.stages = version.stages.filter((stage) => stage === 'AWSCURRENT');
      if (version.stages.length > 0) {
        version.stages = ['AWSPREVIOUS'];
      }
    }
    secret.versions.set(versionId, {
      versionId,
      secretString: value.SecretString,
      secretBinary: value.SecretBinary,
      stages: ['AWSCURRENT'],
      createdDate: nowSeconds(),
    });
    return { ARN: secret.arn, Name: secret.name, VersionId: versionId };
  }

  // Finds a secret by name or full ARN.
  find(secretId) {
    if (this.secrets.has(secretId)) {
      return this.secrets.get(secretId);
    }
    for (const secret of this.secrets.values()) {
      if (secret.arn === secretId) {
        return secret;
      }
    }
    return null;
  }

  // Handles one HTTP request that already passed the signature check.
  handle(request) {
    const target = request.headers['x-amz-target'] || '';
    if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
      return error(400, 'UnknownOperationException', `Unknown operation "${target}"; requests are POST / with X-Amz-Target: secretsmanager.<Operation>.`);
    }
    const contentType = request.headers['content-type'] || '';
    if (!contentType.startsWith('application/x-amz-json-1.1')) {
      return error(400, 'SerializationException', `Content-Type must be application/x-amz-json-1.1, not "${contentType}".`);
    }
    let input;
    try {
      input = JSON.parse(request.body.toString('utf8') || '{}');
    } catch {
      return error(400, 'SerializationException', 'The request body is not valid JSON.');
    }

    const operation = target.slice(TARGET_PREFIX.length);
    const handler = {
      CreateSecret: () => this.createSecret(input),
      PutSecretValue: () => this.putSecretValue(input),
      GetSecretValue: () => this.getSecretValue(input),
      DeleteSecret: () => this.deleteSecret(input),
    }[operation];
    if (!handler) {
      return error(400, 'UnknownOperationException', `The stand-in does not implement ${operation}.`);
    }
    return handler();
  }

  createSecret(input) {
    if (typeof input.Name !== 'string' || !NAME_PATTERN.test(input.Name)) {
      return error(400, 'ValidationException', "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length between 1 and 512 and contain only alphanumeric characters and /_+=.@-");
    }
    const valueError = checkValue(input);
    if (valueError) {
      return valueError;
    }
    const existing = this.secrets.get(input.Name);
    if (existing && existing.deletedDate) {
      return error(400, 'InvalidRequestException', `You can't create this secret because a secret with this name is already scheduled for deletion.`);
    }
    if (existing) {
      return error(400, 'ResourceExistsException', `The operation failed because the secret ${input.Name} already exists.`);
    }
    const secret = this.newSecret(input.Name);
    if (input.SecretString === undefined && input.SecretBinary === undefined) {
      return ok({ ARN: secret.arn, Name: secret.name });
    }
    return ok(this.addVersion(secret, input, input.ClientRequestToken));
  }

  putSecretValue(input) {
    const secret = this.findUsable(input.SecretId);
    if (secret.error) {
      return secret.error;
    }
    const valueError = checkValue(input);
    if (valueError) {
      return valueError;
    }
    if (input.SecretString === undefined && input.SecretBinary === undefined) {
      return error(400, 'InvalidRequestException', 'You must provide either SecretString or SecretBinary.');
    }
    const result = this.addVersion(secret.secret, input, input.ClientRequestToken);
    return ok({ ...result, VersionStages: ['AWSCURRENT'] });
  }

  getSecretValue(input) {
    const found = this.findUsable(input.SecretId);
    if (found.error) {
      return found.error;
    }
    const { secret } = found;
    let version;
    if (input.VersionId !== undefined) {
      version = secret.versions.get(input.VersionId);
    } else {
      const stage = input.VersionStage || 'AWSCURRENT';
      version = [...secret.versions.values()].find((candidate) => candidate.stages.includes(stage));
    }
    if (!version || (input.VersionStage && !version.stages.includes(input.VersionStage))) {
      const label = input.VersionId !== undefined ? `version id ${input.VersionId}` : `staging label: ${input.VersionStage || 'AWSCURRENT'}`;
      return error(400, 'ResourceNotFoundException', `Secrets Manager can't find the specified secret value for ${label}`);
    }
    const output = { ARN: secret.arn, Name: secret.name, VersionId: version.versionId };
    if (version.secretString !== undefined) {
      output.SecretString = version.secretString;
    }
    if (version.secretBinary !== undefined) {
      output.SecretBinary = version.secretBinary;
    }
    output.VersionStages = version.stages;
    output.CreatedDate = version.createdDate;
    return ok(output);
  }

  deleteSecret(input) {
    const found = this.findUsable(input.SecretId);
    if (found.error) {
      return found.error;
    }
    const { secret } = found;
    const deletionDate = input.ForceDeleteWithoutRecovery ? nowSeconds() : nowSeconds() + 30 * 24 * 3600;
    if (input.ForceDeleteWithoutRecovery) {
      this.secrets.delete(secret.name);
    } else {
      secret.deletedDate = nowSeconds();
    }
    return ok({ ARN: secret.arn, Name: secret.name, DeletionDate: deletionDate });
  }

  // Returns { secret } or { error } for a SecretId that must name an existing, undeleted secret.
  findUsable(secretId) {
    if (typeof secretId !== 'string' || secretId === '') {
      return { error: error(400, 'ValidationException', "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null") };
    }
    const secret = this.find(secretId);
    if (!secret) {
      return { error: error(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.") };
    }
    if (secret.deletedDate) {
      return { error: error(400, 'InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.") };
    }
    return { secret };
  }
}

function checkValue(input) {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) {
    return error(400, 'InvalidParameterException', 'You can\'t specify both a binary secret value and a string secret value in the same secret.');
  }
  if (input.SecretString !== undefined && typeof input.SecretString !== 'string') {
    return error(400, 'SerializationException', 'SecretString must be a string.');
  }
  return null;
}

function nowSeconds() {
  return Date.now() / 1000;
}

function ok(output) {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': newRequestId() },
    body: JSON.stringify(output),
  };
}

function error(status, code, message) {
  return errorResponse('secretsmanager', status, code, message);
}

module.exports = { SecretsManagerStandin };
