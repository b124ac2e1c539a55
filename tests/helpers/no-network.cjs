/**
 * Preloaded (`node --require`) into a child process that must work offline: any attempt to
 * open a socket or look up a host is written to stderr with a marker the test looks for,
 * and fails. Local pipes (IPC, a worker's channel) are left alone.
 */
const net = require('node:net');
const dns = require('node:dns');

const MARKER = 'NETWORK-ATTEMPT';

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const [first] = args;
  const options = typeof first === 'object' && first !== null ? first : { port: first };
  if (typeof options.path === 'string') return connect.apply(this, args);
  process.stderr.write(`${MARKER} connect ${options.host ?? ''}:${options.port ?? ''}\n`);
  process.nextTick(() => this.destroy(new Error('network disabled in this test')));
  return this;
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  process.stderr.write(`${MARKER} lookup ${hostname}\n`);
  const callback = rest.at(-1);
  if (typeof callback === 'function')
    process.nextTick(() => callback(new Error('network disabled in this test')));
  return undefined;
};
void lookup;

module.exports = { MARKER };
