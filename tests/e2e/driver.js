#!/usr/bin/env node
// Drives a skill endpoint with virtual-alexa, an independent Alexa emulator, using the
// project's own interaction model. Reads a JSON script on stdin, prints JSON on stdout:
//
//   {"skillURL": "http://127.0.0.1:8090/", "model": "interaction_models/en-US.json",
//    "locale": "en-US", "applicationId": "amzn1.ask.skill...",   (optional)
//    "userId": "amzn1.ask.account...",                           (optional: same user again)
//    "utterances": ["open hamstring coach", "help", "stop"]}
//
//   -> {"turns": [{"utterance", "kind", "intent", "request", "response"}, ...], "error": null}
//
// Optional, for Alexa's service APIs: "apiEndpoint" and "apiAccessToken" replace what
// virtual-alexa puts in context.System (so the skill calls a local stand-in), and
// "consentURL" + "caFile" let the driver play Alexa's side of a voice consent: after a
// response with a Connections.SendRequest AskFor, the next utterance answers it ("yes" ->
// ACCEPTED, recorded at consentURL; "no" -> DENIED; anything else -> NOT_ANSWERED) and is
// sent as a Connections.Response (kind "consent"), as Alexa does after asking itself.
//
// With "dryRun": true nothing is sent: each turn has only the routing, the matched intent
// and "slots" (virtual-alexa's raw slot values), for comparing its matching with ours.
//
// kind is "launch", "intent", "fallback" or "end". virtual-alexa's own utter() has three
// habits that real Alexa does not share, so this driver routes utterances itself:
// - utter() launches on "ask"/"open"/"launch"/"tell" anywhere in the sentence ("tell me my
//   progress" would be a LaunchRequest). Here only "<verb> hamstring coach" launches, and
//   "ask|tell hamstring coach (to|for|about|if|whether) X" starts a new session with X.
// - utter() throws when no sample matches; real Alexa sends AMAZON.FallbackIntent, so this
//   driver does too (kind "fallback").
// - AMAZON.NUMBER slots arrive as the words typed ("five"), not digits as Alexa sends them;
//   this is left as is, so the skill's tolerance of words is tested too.
// Everything else (sample matching, slot filling, entity resolution, session attributes,
// session ids, ending the session on shouldEndSession) is virtual-alexa's.
"use strict";

const fs = require("fs");
const https = require("https");
const va = require("virtual-alexa");
const { Utterance } = require("virtual-core");

const LAUNCH_VERBS = ["open", "launch", "start", "begin", "talk to", "speak to", "use"];
const ONE_SHOT_VERBS = ["ask", "tell"];
const CONNECTORS = ["to", "for", "about", "if", "whether"];

function escapeRe(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function clean(text) {
  // virtual-core strips most punctuation itself; drop a leading wake word and trailing marks.
  return text.trim().replace(/^alexa[,\s]+/i, "").replace(/[.!?]+$/, "").trim();
}

function route(text, invocation) {
  const inv = escapeRe(invocation);
  const launch = new RegExp(`^(?:${LAUNCH_VERBS.join("|")})\\s+${inv}$`, "i");
  if (launch.test(text)) return { kind: "launch" };
  const oneShot = new RegExp(
    `^(?:${ONE_SHOT_VERBS.join("|")})\\s+${inv}(?:\\s+(?:${CONNECTORS.join("|")}))?(?:\\s+(.+))?$`,
    "i",
  );
  const m = oneShot.exec(text);
  if (m) return m[1] ? { kind: "intent", text: m[1], newSession: true } : { kind: "launch" };
  if (/^exit$/i.test(text)) return { kind: "end" };
  return { kind: "intent", text, newSession: false };
}

function askFor(reply) {
  const directives = (reply && reply.response && reply.response.directives) || [];
  return directives.find((d) => d.type === "Connections.SendRequest" && d.name === "AskFor") || null;
}

function putPermission(script, status) {
  if (!script.consentURL) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const url = new URL(script.consentURL);
    const req = https.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "PUT",
        ca: script.caFile ? fs.readFileSync(script.caFile) : undefined,
        headers: { "Content-Type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`consent PUT ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ status }));
  });
}

async function main() {
  const script = JSON.parse(fs.readFileSync(0, "utf8"));
  const model = JSON.parse(fs.readFileSync(script.model, "utf8"));
  const invocation = model.interactionModel.languageModel.invocationName;
  let builder = va.VirtualAlexa.Builder()
    .interactionModelFile(script.model)
    .locale(script.locale || "en-US");
  builder = builder.skillURL(script.skillURL || "http://127.0.0.1:1/");
  if (script.applicationId) builder = builder.applicationID(script.applicationId);
  const alexa = builder.create();
  if (script.dryRun) {
    const turns = script.utterances.map((raw) => {
      const routed = route(clean(raw), invocation);
      const turn = { utterance: raw, kind: routed.kind, intent: null, slots: null };
      if (routed.kind === "intent") {
        const utterance = new Utterance(alexa.context().interactionModel(), routed.text);
        turn.kind = utterance.matched() ? "intent" : "fallback";
        turn.intent = utterance.matched() ? utterance.intent() : "AMAZON.FallbackIntent";
        turn.slots = utterance.matched() ? utterance.toJSON() : {};
      }
      return turn;
    });
    process.stdout.write(JSON.stringify({ turns, error: null }));
    return;
  }
  if (script.userId) alexa.context().user().setID(script.userId);

  let lastRequest = null;
  alexa.filter((request) => {
    if (script.apiEndpoint) request.context.System.apiEndpoint = script.apiEndpoint;
    if (script.apiAccessToken) request.context.System.apiAccessToken = script.apiAccessToken;
    lastRequest = JSON.parse(JSON.stringify(request));
  });
  let consent = null; // an AskFor waiting for the person's answer

  const turns = [];
  for (const raw of script.utterances) {
    const text = clean(raw);
    const routed = route(text, invocation);
    const turn = { utterance: raw, kind: routed.kind, intent: null, request: null, response: null };
    lastRequest = null;
    try {
      let reply;
      if (routed.kind === "launch") {
        alexa.context().endSession(); // "open ..." always starts a fresh session
        reply = await alexa.launch();
      } else if (routed.kind === "end") {
        if (!alexa.context().activeSession()) {
          turns.push(turn); // nothing to end: nothing is sent
          continue;
        }
        reply = await alexa.endSession();
      } else if (consent && !routed.newSession) {
        const utterance = new Utterance(alexa.context().interactionModel(), routed.text);
        const heard = utterance.matched() ? utterance.intent() : null;
        const status =
          heard === "AMAZON.YesIntent" ? "ACCEPTED" : heard === "AMAZON.NoIntent" ? "DENIED" : "NOT_ANSWERED";
        if (status !== "NOT_ANSWERED") await putPermission(script, status === "ACCEPTED" ? "GRANTED" : "DENIED");
        turn.kind = "consent";
        const payload = { permissionScope: consent.payload.permissionScope, status };
        reply = await alexa.call(alexa.request().connectionsResponse("AskFor", payload, consent.token || ""));
      } else {
        if (routed.newSession) alexa.context().endSession();
        const utterance = new Utterance(alexa.context().interactionModel(), routed.text);
        if (utterance.matched()) {
          turn.intent = utterance.intent();
          reply = await alexa.call(alexa.request().intent(turn.intent).slots(utterance.toJSON()));
        } else {
          turn.kind = "fallback";
          turn.intent = "AMAZON.FallbackIntent";
          reply = await alexa.intend("AMAZON.FallbackIntent");
        }
      }
      turn.request = lastRequest;
      turn.response = reply ? JSON.parse(JSON.stringify(reply)) : null;
      consent = askFor(turn.response);
    } catch (err) {
      turn.request = lastRequest;
      turns.push(turn);
      process.stdout.write(JSON.stringify({ turns, error: String((err && err.message) || err) }));
      return;
    }
    turns.push(turn);
  }
  process.stdout.write(JSON.stringify({ turns, error: null }));
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(2);
});
