'use strict';
// Tests of the stand-ins through their HTTP endpoints, with requests signed by AWS's JavaScript
// signer. Run with `node --test tests/standins/test/`.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { before, after, beforeEach, describe, test } = require('node:test');
const crc32 = require('buffer-crc32');
const h = require('./helpers');

let standins;
let ready;

before(async () => {
  standins = await h.startStandins({ buckets: ['wod-bucket'], topics: ['runs'], secrets: { 'wodetl/wordpress': '{"username":"coach","password":"pw"}' } });
  ready = standins.ready;
});

after(async () => {
  await standins.stop();
});

beforeEach(async () => {
  assert.equal((await h.control(ready, 'POST', '/reset')).status, 200);
});

const WRONG_SECRET = { accessKeyId: h.LONG_TERM.accessKeyId, secretAccessKey: 'not-the-secret' };
const UNKNOWN_KEY = { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'whatever' };

function errorType(response) {
  return JSON.parse(response.body).__type;
}

function xmlCode(response) {
  return /<Code>([^<]*)<\/Code>/.exec(response.body)[1];
}

describe('signature checks', () => {
  test('correctly signed requests reach every backend', async () => {
    const tables = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}));
    assert.equal(tables.status, 200, tables.body);
    assert.deepEqual(JSON.parse(tables.body), { TableNames: [] });

    const put = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('PUT', '/wod-bucket/raw/a%3Db%20c.json', 'hello'));
    assert.equal(put.status, 200, put.body);
    const get = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket/raw/a%3Db%20c.json'));
    assert.equal(get.status, 200, get.body);
    assert.equal(get.body, 'hello');
    assert.match(get.headers['x-amz-request-id'], /^[0-9A-F]{16}$/);
    const missing = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/no-such-bucket/raw/x.json'));
    assert.equal(missing.status, 404, missing.body);
    assert.match(missing.headers['x-amz-request-id'], /^[0-9A-F]{16}$/);

    const published = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'Publish', TopicArn: 'arn:aws:sns:us-east-1:123456789012:runs', Message: 'done' }));
    assert.equal(published.status, 200, published.body);
    assert.match(published.body, /<MessageId>[0-9a-f-]{36}<\/MessageId>/);

    const secret = await h.signedSend(ready.endpoints.secretsmanager, 'secretsmanager', h.secretsRequest('GetSecretValue', { SecretId: 'wodetl/wordpress' }));
    assert.equal(secret.status, 200, secret.body);
    assert.equal(JSON.parse(secret.body).SecretString, '{"username":"coach","password":"pw"}');
  });

  test('wrong secret key is rejected by every service', async () => {
    const dynamo = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), WRONG_SECRET);
    assert.equal(dynamo.status, 400);
    assert.equal(errorType(dynamo), 'com.amazon.coral.service#InvalidSignatureException');
    assert.match(JSON.parse(dynamo.body).message, /Canonical String for this request should have been/);

    const s3 = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket'), WRONG_SECRET);
    assert.equal(s3.status, 403);
    assert.equal(xmlCode(s3), 'SignatureDoesNotMatch');
    assert.match(s3.body, /<CanonicalRequest>GET\n\/wod-bucket\n/);

    const sns = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'ListTopics' }), WRONG_SECRET);
    assert.equal(sns.status, 403);
    assert.equal(xmlCode(sns), 'SignatureDoesNotMatch');

    const secrets = await h.signedSend(ready.endpoints.secretsmanager, 'secretsmanager', h.secretsRequest('GetSecretValue', { SecretId: 'x' }), WRONG_SECRET);
    assert.equal(secrets.status, 400);
    assert.equal(errorType(secrets), 'com.amazon.coral.service#InvalidSignatureException');
  });

  test('unknown access key is rejected', async () => {
    const dynamo = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), UNKNOWN_KEY);
    assert.equal(dynamo.status, 400);
    assert.equal(errorType(dynamo), 'com.amazon.coral.service#UnrecognizedClientException');
    const s3 = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket'), UNKNOWN_KEY);
    assert.equal(s3.status, 403);
    assert.equal(xmlCode(s3), 'InvalidAccessKeyId');
    const sns = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'ListTopics' }), UNKNOWN_KEY);
    assert.equal(sns.status, 403);
    assert.equal(xmlCode(sns), 'InvalidClientTokenId');
  });

  test('unsigned request is rejected', async () => {
    const s3 = await h.send(`${ready.endpoints.s3}/wod-bucket`, { headers: { 'x-amz-content-sha256': h.sha256Hex('') } });
    assert.equal(s3.status, 403);
    assert.equal(xmlCode(s3), 'AccessDenied');
    const dynamo = await h.send(ready.endpoints.dynamodb, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' });
    assert.equal(dynamo.status, 400);
    assert.equal(errorType(dynamo), 'com.amazon.coral.service#MissingAuthenticationTokenException');
  });

  test('wrong region or service in the scope is rejected', async () => {
    const region = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), h.LONG_TERM, { region: 'eu-west-1' });
    assert.equal(region.status, 400);
    assert.match(JSON.parse(region.body).message, /valid region/);
    const s3Region = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket'), h.LONG_TERM, { region: 'eu-west-1' });
    assert.equal(s3Region.status, 400);
    assert.equal(xmlCode(s3Region), 'AuthorizationHeaderMalformed');
    assert.match(s3Region.body, /<Region>us-east-1<\/Region>/);

    const service = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), h.LONG_TERM, { signingService: 's3' });
    assert.equal(service.status, 400);
    assert.match(JSON.parse(service.body).message, /correct service: 'dynamodb'/);
  });

  test('shared endpoint routes by the scope service', async () => {
    const tables = await h.signedSend(ready.endpoints.any, 'dynamodb', h.dynamoRequest('ListTables', {}));
    assert.equal(tables.status, 200, tables.body);
    const objects = await h.signedSend(ready.endpoints.any, 's3', { ...h.s3Request('GET', '/wod-bucket'), query: { 'list-type': '2' }, rawQuery: 'list-type=2' });
    assert.equal(objects.status, 200, objects.body);
    assert.match(objects.body, /<ListBucketResult/);
  });

  test('body changed after signing is rejected', async () => {
    const spec = h.dynamoRequest('ListTables', { Limit: 10 });
    const dynamo = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', spec, h.LONG_TERM, { sentBody: JSON.stringify({ Limit: 11 }) });
    assert.equal(dynamo.status, 400);
    assert.equal(errorType(dynamo), 'com.amazon.coral.service#InvalidSignatureException');

    const s3 = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('PUT', '/wod-bucket/k', 'signed body'), h.LONG_TERM, { sentBody: 'other body!' });
    assert.equal(s3.status, 400);
    assert.equal(xmlCode(s3), 'XAmzContentSHA256Mismatch');
  });

  test('S3 rejects unsigned x-amz headers and a missing content hash', async () => {
    const unsigned = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('PUT', '/wod-bucket/k', 'x'), h.LONG_TERM, { overrideHeaders: { 'x-amz-meta-operation': 'late' } });
    assert.equal(unsigned.status, 403);
    assert.match(unsigned.body, /<HeadersNotSigned>x-amz-meta-operation<\/HeadersNotSigned>/);

    const spec = { method: 'GET', path: '/wod-bucket', headers: {}, body: '' };
    const headers = await h.signHeaders(ready.endpoints.s3, 's3', spec);
    delete headers['x-amz-content-sha256'];
    const missing = await h.send(`${ready.endpoints.s3}/wod-bucket`, { headers });
    assert.equal(missing.status, 400);
    assert.equal(xmlCode(missing), 'InvalidRequest');
  });

  test('signed header missing from the request is rejected', async () => {
    const spec = h.dynamoRequest('ListTables', {});
    const headers = await h.signHeaders(ready.endpoints.dynamodb, 'dynamodb', { ...spec, headers: { ...spec.headers, 'x-extra': '1' } });
    delete headers['x-extra'];
    const response = await h.send(ready.endpoints.dynamodb, { method: 'POST', headers, body: spec.body });
    assert.equal(response.status, 400);
    assert.equal(errorType(response), 'com.amazon.coral.service#IncompleteSignatureException');
    assert.match(JSON.parse(response.body).message, /'x-extra' is named as a SignedHeader/);
  });

  test('S3 key must be signed URI-encoded', async () => {
    // S3 signs the key URI-encoded once ("a%3Db"), whatever form the URL carries.
    const spec = h.s3Request('PUT', '/wod-bucket/a=b', 'x');
    const encodedHeaders = await h.signHeaders(ready.endpoints.s3, 's3', { ...spec, path: '/wod-bucket/a%3Db' });
    const encodedSigned = await h.send(`${ready.endpoints.s3}/wod-bucket/a=b`, { method: 'PUT', headers: encodedHeaders, body: 'x' });
    assert.equal(encodedSigned.status, 200, encodedSigned.body);

    const rawHeaders = await h.signHeaders(ready.endpoints.s3, 's3', spec);
    const rawSigned = await h.send(`${ready.endpoints.s3}/wod-bucket/a=b`, { method: 'PUT', headers: rawHeaders, body: 'x' });
    assert.equal(rawSigned.status, 403);
    assert.match(rawSigned.body, /<CanonicalRequest>PUT\n\/wod-bucket\/a%3Db\n/);
  });

  test('temporary key needs its session token', async () => {
    const withToken = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), h.TEMPORARY);
    assert.equal(withToken.status, 200, withToken.body);

    const { sessionToken, ...withoutToken } = h.TEMPORARY;
    assert.ok(sessionToken);
    const missing = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), withoutToken);
    assert.equal(missing.status, 400);
    assert.equal(errorType(missing), 'com.amazon.coral.service#UnrecognizedClientException');

    const extra = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket'), { ...h.LONG_TERM, sessionToken: 'token' });
    assert.equal(extra.status, 400);
    assert.equal(xmlCode(extra), 'InvalidToken');
  });

  test('request older than 15 minutes is rejected', async () => {
    const signingDate = new Date(Date.now() - 20 * 60 * 1000);
    const dynamo = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), h.LONG_TERM, { signingDate });
    assert.equal(dynamo.status, 400);
    assert.match(JSON.parse(dynamo.body).message, /Signature expired/);
    const s3 = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket'), h.LONG_TERM, { signingDate });
    assert.equal(s3.status, 403);
    assert.equal(xmlCode(s3), 'RequestTimeTooSkewed');
  });
});

describe('faults and reset', () => {
  async function createSessionsTable() {
    const created = await h.signedSend(
      ready.endpoints.dynamodb,
      'dynamodb',
      h.dynamoRequest('CreateTable', {
        TableName: 'sessions',
        AttributeDefinitions: [
          { AttributeName: 'date', AttributeType: 'S' },
          { AttributeName: 'session', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'date', KeyType: 'HASH' },
          { AttributeName: 'session', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    assert.equal(created.status, 200, created.body);
  }

  test('unprocessedItems fault writes part of a batch', async () => {
    await createSessionsTable();
    const items = [1, 2, 3, 4, 5].map((n) => ({ PutRequest: { Item: { date: { S: `2024-01-0${n}` }, session: { S: '1' } } } }));
    assert.equal((await h.control(ready, 'POST', '/faults', { service: 'dynamodb', operation: 'BatchWriteItem', unprocessedItems: 2 })).status, 200);

    const first = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('BatchWriteItem', { RequestItems: { sessions: items } }));
    assert.equal(first.status, 200, first.body);
    const output = JSON.parse(first.body);
    assert.deepEqual(output.UnprocessedItems.sessions, items.slice(3));
    assert.equal(first.headers['x-amz-crc32'], String(crc32.unsigned(Buffer.from(first.body))));

    const scan = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('Scan', { TableName: 'sessions' }));
    assert.equal(JSON.parse(scan.body).Count, 3);

    // The fault responded to one request, so the retry is written whole.
    const retry = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('BatchWriteItem', { RequestItems: output.UnprocessedItems }));
    assert.deepEqual(JSON.parse(retry.body).UnprocessedItems, {});
    const rescan = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('Scan', { TableName: 'sessions' }));
    assert.equal(JSON.parse(rescan.body).Count, 5);
  });

  test('status fault answers the next matching request only', async () => {
    await h.control(ready, 'POST', '/faults', {
      service: 'dynamodb',
      operation: 'ListTables',
      status: 400,
      contentType: 'application/x-amz-json-1.0',
      body: '{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"slow down"}',
    });
    const faulted = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}));
    assert.equal(faulted.status, 400);
    assert.match(errorType(faulted), /ProvisionedThroughputExceededException/);
    const normal = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}));
    assert.equal(normal.status, 200);
  });

  test('fault still requires a valid signature', async () => {
    await h.control(ready, 'POST', '/faults', { service: 'dynamodb', status: 500, body: '{}' });
    const rejected = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), WRONG_SECRET);
    assert.equal(rejected.status, 400);
    const faulted = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}));
    assert.equal(faulted.status, 500);
  });

  test('closeConnection fault drops the connection', async () => {
    await h.control(ready, 'POST', '/faults', { service: 's3', operation: 'GetObject', closeConnection: true });
    await assert.rejects(h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket/missing')));
  });

  test('reset empties tables and buckets but keeps configured ones', async () => {
    await createSessionsTable();
    await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('PUT', '/wod-bucket/k', 'v'));
    await h.control(ready, 'POST', '/reset');

    const tables = await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}));
    assert.deepEqual(JSON.parse(tables.body).TableNames, []);
    const object = await h.signedSend(ready.endpoints.s3, 's3', h.s3Request('GET', '/wod-bucket/k'));
    assert.equal(object.status, 404);
    assert.equal(xmlCode(object), 'NoSuchKey');
  });

  test('request log records decisions without secret values', async () => {
    await h.signedSend(ready.endpoints.secretsmanager, 'secretsmanager', h.secretsRequest('CreateSecret', { Name: 'n', SecretString: 'hunter2' }));
    await h.signedSend(ready.endpoints.dynamodb, 'dynamodb', h.dynamoRequest('ListTables', {}), WRONG_SECRET);
    const log = (await h.control(ready, 'GET', '/requests')).json;
    assert.deepEqual(
      log.map((entry) => [entry.service, entry.operation, entry.decision, entry.status]),
      [
        ['secretsmanager', 'CreateSecret', 'forwarded', 200],
        ['dynamodb', 'ListTables', 'rejected', 400],
      ],
    );
    const file = fs.readFileSync(ready.logFile, 'utf8');
    assert.doesNotMatch(file, /hunter2/);
    assert.doesNotMatch(file, new RegExp(h.LONG_TERM.secretAccessKey));
    assert.equal((await h.control(ready, 'GET', '/requests?service=dynamodb')).json.length, 1);
  });
});

describe('SNS stand-in', () => {
  test('publish to a topic and a phone number is recorded', async () => {
    const created = await h.control(ready, 'POST', '/sns/topics', { Name: 'alerts' });
    assert.equal(created.json.TopicArn, 'arn:aws:sns:us-east-1:123456789012:alerts');
    await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'Publish', TopicArn: created.json.TopicArn, Subject: 'Run done', Message: 'posts: 3' }));
    await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'Publish', PhoneNumber: '+15555550100', Message: 'sms text' }));
    const messages = (await h.control(ready, 'GET', '/sns/messages')).json;
    assert.equal(messages.length, 2);
    assert.equal(messages[0].Subject, 'Run done');
    assert.equal(messages[0].Message, 'posts: 3');
    assert.equal(messages[1].PhoneNumber, '+15555550100');
  });

  test('publish errors follow SNS', async () => {
    const unknown = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'Publish', TopicArn: 'arn:aws:sns:us-east-1:123456789012:nope', Message: 'x' }));
    assert.equal(unknown.status, 404);
    assert.equal(xmlCode(unknown), 'NotFound');
    const phone = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'Publish', PhoneNumber: '555-0100', Message: 'x' }));
    assert.equal(phone.status, 400);
    assert.equal(xmlCode(phone), 'InvalidParameter');
    const empty = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'Publish', TopicArn: 'arn:aws:sns:us-east-1:123456789012:runs', Message: '' }));
    assert.equal(xmlCode(empty), 'InvalidParameter');
    const action = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'Subscribe' }));
    assert.equal(xmlCode(action), 'InvalidAction');
    assert.equal((await h.control(ready, 'GET', '/sns/messages')).json.length, 0);
  });

  test('CreateTopic through the API returns the ARN', async () => {
    const created = await h.signedSend(ready.endpoints.sns, 'sns', h.snsRequest({ Action: 'CreateTopic', Name: 'wodetl-runs' }));
    assert.equal(created.status, 200);
    assert.match(created.body, /<TopicArn>arn:aws:sns:us-east-1:123456789012:wodetl-runs<\/TopicArn>/);
  });
});

describe('Secrets Manager stand-in', () => {
  const call = (operation, input) => h.signedSend(ready.endpoints.secretsmanager, 'secretsmanager', h.secretsRequest(operation, input));

  test('versions move through AWSCURRENT and AWSPREVIOUS', async () => {
    const created = await call('CreateSecret', { Name: 'app/creds', SecretString: 'one' });
    assert.equal(created.status, 200, created.body);
    const arn = JSON.parse(created.body).ARN;
    assert.match(arn, /^arn:aws:secretsmanager:us-east-1:123456789012:secret:app\/creds-[0-9a-f]{6}$/);
    assert.equal((await call('CreateSecret', { Name: 'app/creds', SecretString: 'again' })).status, 400);

    await call('PutSecretValue', { SecretId: arn, SecretString: 'two' });
    const current = JSON.parse((await call('GetSecretValue', { SecretId: 'app/creds' })).body);
    assert.equal(current.SecretString, 'two');
    assert.deepEqual(current.VersionStages, ['AWSCURRENT']);
    const previous = JSON.parse((await call('GetSecretValue', { SecretId: 'app/creds', VersionStage: 'AWSPREVIOUS' })).body);
    assert.equal(previous.SecretString, 'one');
  });

  test('unknown secret and deleted secret', async () => {
    const missing = await call('GetSecretValue', { SecretId: 'nope' });
    assert.equal(missing.status, 400);
    assert.equal(errorType(missing), 'ResourceNotFoundException');

    await call('CreateSecret', { Name: 'gone', SecretString: 'x' });
    await call('DeleteSecret', { SecretId: 'gone' });
    const deleted = await call('GetSecretValue', { SecretId: 'gone' });
    assert.equal(errorType(deleted), 'InvalidRequestException');
  });

  test('control API seeds secrets', async () => {
    const seeded = await h.control(ready, 'PUT', '/secrets/wodetl%2Fseeded', { SecretString: '{"username":"u"}' });
    assert.equal(seeded.status, 200);
    assert.equal(seeded.json.Name, 'wodetl/seeded');
    const value = JSON.parse((await call('GetSecretValue', { SecretId: 'wodetl/seeded' })).body);
    assert.equal(value.SecretString, '{"username":"u"}');
  });
});
