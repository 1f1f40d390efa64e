import "server-only";
// Route handlers and next-auth's authorize() never see the socket, and `next start` only fills
// X-Forwarded-For with the peer address when the client sent none (a spoofed header survives
// unchanged). So the server itself acts as the first proxy: every incoming request gets its
// socket peer appended as the last X-Forwarded-For hop, before Next.js reads the request.
// clientIp() then counts hops from that trusted end.
import http from "node:http";

const MARK = Symbol.for("senar.peerAddressStamped");

export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [MARK]?: boolean };
  if (proto[MARK]) return;
  proto[MARK] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const peer = req.socket?.remoteAddress;
      if (peer) {
        const sent = req.headers["x-forwarded-for"];
        req.headers["x-forwarded-for"] = sent ? `${Array.isArray(sent) ? sent.join(", ") : sent}, ${peer}` : peer;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
