'use strict';
// Stand-in for Amazon SNS over its query protocol (form-encoded POST, XML responses), API version
// 2010-03-31. It implements CreateTopic, DeleteTopic, ListTopics and Publish (to a topic, a target
// ARN or a phone number) with parameter checks modelled on SNS's API reference. It records every
// published message so tests can read what a client sent; nothing is delivered anywhere.

const crypto = require('node:crypto');
const { errorResponse, escapeXml, newRequestId } = require('./aws-errors');

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const MAX_MESSAGE_BYTES = 256 * 1024;
const TOPIC_NAME_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;
const FIFO_TOPIC_NAME_PATTERN = /^[A-Za-z0-9_-]{1,251}\.fifo$/;
const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

class SnsStandin {
  constructor({ region, accountId }) {
    this.region = region;
    this.accountId = accountId;
    this.reset([]);
  }

  // Deletes topics and messages, then creates the topics named in `topicNames`.
  reset(topicNames) {
    this.topics = new Map();
    this.messages = [];
    for (const name of topicNames) {
      this.createTopic(name);
    }
  }

  // Returns the topic's ARN, creating the topic when it does not exist (CreateTopic is idempotent).
  createTopic(name) {
    const arn = `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
    if (!this.topics.has(arn)) {
      this.topics.set(arn, { name, createdAt: new Date().toISOString() });
    }
    return arn;
  }

  // Handles one HTTP request that already passed the signature check.
  handle(request) {
    const params = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
    if (request.method === 'POST') {
      for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) {
        params.append(name, value);
      }
    }
    const action = params.get('Action');
    if (!action) {
      return errorResponse('sns', 400, 'MissingAction', 'The request must contain the parameter Action.');
    }
    const handler = {
      CreateTopic: () => this.handleCreateTopic(params),
      DeleteTopic: () => this.handleDeleteTopic(params),
      ListTopics: () => this.handleListTopics(),
      Publish: () => this.handlePublish(params),
    }[action];
    if (!handler) {
      return errorResponse('sns', 400, 'InvalidAction', `Could not find operation ${action} for version 2010-03-31.`);
    }
    return handler();
  }

  handleCreateTopic(params) {
    const name = params.get('Name');
    if (!name || !(TOPIC_NAME_PATTERN.test(name) || FIFO_TOPIC_NAME_PATTERN.test(name))) {
      return invalidParameter('Topic Name');
    }
    const arn = this.createTopic(name);
    return success('CreateTopic', `<TopicArn>${escapeXml(arn)}</TopicArn>`);
  }

  handleDeleteTopic(params) {
    this.topics.delete(params.get('TopicArn') || '');
    return success('DeleteTopic', null);
  }

  handleListTopics() {
    const members = [...this.topics.keys()].map((arn) => `<member><TopicArn>${escapeXml(arn)}</TopicArn></member>`).join('');
    return success('ListTopics', `<Topics>${members}</Topics>`);
  }

  handlePublish(params) {
    const topicArn = params.get('TopicArn');
    const targetArn = params.get('TargetArn');
    const phoneNumber = params.get('PhoneNumber');
    const destinations = [topicArn, targetArn, phoneNumber].filter((value) => value !== null);
    if (destinations.length === 0) {
      return invalidParameter('TopicArn or TargetArn Reason: no value for required parameter');
    }
    if (destinations.length > 1) {
      return invalidParameter('TopicArn, TargetArn, PhoneNumber Reason: only one of them may be given');
    }

    const message = params.get('Message');
    if (message === null) {
      return errorResponse('sns', 400, 'ValidationError', "1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null");
    }
    if (message === '') {
      return invalidParameter('Empty message');
    }
    if (Buffer.byteLength(message, 'utf8') > MAX_MESSAGE_BYTES) {
      return invalidParameter('Message too long');
    }

    const topic = topicArn ?? targetArn;
    if (topic !== null && !this.topics.has(topic)) {
      return errorResponse('sns', 404, 'NotFound', 'Topic does not exist');
    }
    if (phoneNumber !== null && !E164_PATTERN.test(phoneNumber)) {
      return invalidParameter(`PhoneNumber Reason: ${phoneNumber} is not valid to publish to`);
    }

    const subject = params.get('Subject');
    if (subject !== null && (subject.length === 0 || subject.length > 100 || !/^[\x20-\x7e]*$/.test(subject))) {
      return invalidParameter('Subject');
    }
    const structure = params.get('MessageStructure');
    if (structure !== null) {
      if (structure !== 'json') {
        return invalidParameter('MessageStructure');
      }
      let parsed;
      try {
        parsed = JSON.parse(message);
      } catch {
        parsed = null;
      }
      if (!parsed || typeof parsed.default !== 'string') {
        return invalidParameter('Message Structure - No default entry in JSON message body');
      }
    }
    const attributes = parseMessageAttributes(params);
    if (attributes.error) {
      return invalidParameter(attributes.error);
    }

    const messageId = crypto.randomUUID();
    this.messages.push({
      MessageId: messageId,
      TopicArn: topicArn,
      TargetArn: targetArn,
      PhoneNumber: phoneNumber,
      Subject: subject,
      Message: message,
      MessageStructure: structure,
      MessageAttributes: attributes.values,
      MessageGroupId: params.get('MessageGroupId'),
      MessageDeduplicationId: params.get('MessageDeduplicationId'),
      Timestamp: new Date().toISOString(),
    });
    return success('Publish', `<MessageId>${messageId}</MessageId>`);
  }
}

// Reads MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue / .Value.BinaryValue.
function parseMessageAttributes(params) {
  const values = {};
  for (let index = 1; params.has(`MessageAttributes.entry.${index}.Name`); ++index) {
    const prefix = `MessageAttributes.entry.${index}`;
    const name = params.get(`${prefix}.Name`);
    const dataType = params.get(`${prefix}.Value.DataType`);
    if (!dataType || !/^(String|Number|Binary)(\..+)?$/.test(dataType)) {
      return { error: `The message attribute '${name}' has an invalid message attribute type` };
    }
    const stringValue = params.get(`${prefix}.Value.StringValue`);
    const binaryValue = params.get(`${prefix}.Value.BinaryValue`);
    if (stringValue === null && binaryValue === null) {
      return { error: `The message attribute '${name}' must contain non-empty message attribute value` };
    }
    values[name] = { DataType: dataType, StringValue: stringValue, BinaryValue: binaryValue };
  }
  return { values };
}

function invalidParameter(what) {
  return errorResponse('sns', 400, 'InvalidParameter', `Invalid parameter: ${what}`);
}

function success(action, resultXml) {
  const requestId = newRequestId();
  const result = resultXml === null ? '' : `  <${action}Result>${resultXml}</${action}Result>\n`;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<${action}Response xmlns="${XMLNS}">\n${result}` +
      `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`,
  };
}

module.exports = { SnsStandin };
