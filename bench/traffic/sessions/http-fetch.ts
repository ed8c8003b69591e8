/**
 * A short HTTP/1.1 fetch (RFC 9112) with "Connection: close": handshake, GET, the response in
 * MSS-sized segments with the client ACKing every second one, then FIN from the server, the
 * client's ACK and FIN, and the server's last ACK. About ten packets for a small page.
 */
import type { Host } from '../hosts';
import { ascii, MessagePayload } from '../payload';
import { MS, US, type Simulation } from '../simulation';
import { TCP, TcpConnection } from '../tcp-connection';

const HTTP_PORT = 80;
const PATHS = [
  '/',
  '/index.html',
  '/news',
  '/api/v1/status',
  '/static/app.js',
  '/static/site.css',
  '/calendar',
  '/wiki/Main_Page',
];
const HOSTS = [
  'intranet.corp.example',
  'www.example.com',
  'wiki.corp.example',
  'status.example.net',
  'cdn.example.org',
];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'curl/8.5.0',
];
/** HTML text the bodies are cut from. */
const PAGE = ascii(
  '<p>Minutes of the weekly operations meeting: the printer on floor two is fixed, the VPN ' +
    'certificate renews on Friday, and the new starters need laptops by Monday.</p>\n'.repeat(1200),
);

export function startHttpFetch(sim: Simulation, client: Host, server: Host): void {
  const { random } = sim;
  const family = sim.family(client, server, 0.25);
  const conn = new TcpConnection(
    sim.route(client, server, family),
    sim.clientPort(client),
    HTTP_PORT,
    random.uint32(),
    random.uint32(),
  );
  const request = new MessagePayload(
    ascii(
      `GET ${random.pick(PATHS)} HTTP/1.1\r\nHost: ${random.pick(HOSTS)}\r\nUser-Agent: ${random.pick(AGENTS)}\r\n` +
        'Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\nAccept-Language: en-GB,en;q=0.7\r\n' +
        'Accept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n',
    ),
  );
  const found = random.chance(0.95);
  const bodyLength = found ? Math.min(PAGE.length, Math.round(random.logUniform(300, 120_000))) : 153;
  const header = ascii(
    `HTTP/1.1 ${found ? '200 OK' : '404 Not Found'}\r\nServer: nginx/1.24.0\r\n` +
      `Content-Type: text/html; charset=utf-8\r\nContent-Length: ${bodyLength}\r\nConnection: close\r\n\r\n`,
  );
  const message = new Uint8Array(header.length + bodyLength);
  message.set(header);
  message.set(PAGE.subarray(0, bodyLength), header.length);
  const response = new MessagePayload(message);

  const wan = random.logUniform(1, 60) * MS;
  const lan = random.uniform(0.05, 0.4) * MS;
  const think = random.logUniform(0.2, 30) * MS;
  // Back-to-back segments from a fast server: 1500 bytes every 12–120 µs (1 Gbit/s down to 100 Mbit/s).
  const segmentGap = random.uniform(12, 120) * US;
  const send = (at: number, outbound: boolean, flags: number, length = 0, payload?: MessagePayload): void =>
    sim.at(at, () => conn.send(sim.out, sim.now, outbound, flags, length, payload));

  const t0 = sim.now;
  send(t0, true, TCP.SYN);
  send(t0 + wan, false, TCP.SYN | TCP.ACK);
  send(t0 + wan + lan, true, TCP.ACK);
  const get = t0 + wan + lan + 30 * US;
  send(get, true, TCP.PSH | TCP.ACK, request.message.length, request);
  // A slow server ACKs the request on its own before answering.
  if (think > 10 * MS) send(get + wan, false, TCP.ACK);
  // The response, segment by segment; the client ACKs every second one as it arrives.
  let sent = 0;
  let segments = 0;
  const segment = (): void => {
    const length = Math.min(conn.mss, message.length - sent);
    sent += length;
    segments += 1;
    const last = sent === message.length;
    conn.send(sim.out, sim.now, false, last ? TCP.PSH | TCP.ACK : TCP.ACK, length, response);
    if (segments % 2 === 0 && !last) {
      const received = conn.remoteSeq;
      sim.after(lan, () => conn.send(sim.out, sim.now, true, TCP.ACK, 0, undefined, received));
    }
    if (!last) {
      sim.after(segmentGap, segment);
      return;
    }
    const fin = sim.now + segmentGap;
    send(fin, false, TCP.FIN | TCP.ACK);
    send(fin + lan, true, TCP.ACK);
    send(fin + lan + 40 * US, true, TCP.FIN | TCP.ACK);
    send(fin + lan + 40 * US + wan, false, TCP.ACK);
  };
  sim.at(get + wan + think, segment);
}
