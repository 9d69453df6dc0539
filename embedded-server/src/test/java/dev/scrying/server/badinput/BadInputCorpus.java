package dev.scrying.server.badinput;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the bad-input corpus under {@code src/test/resources/bad-inputs/}: one JSON object per line, one
 * file per kind (see the README there for the format). Deterministic, so the committed files can be
 * checked against it. Run: {@code java -cp <test classpath> dev.scrying.server.badinput.BadInputCorpus
 * embedded-server/src/test/resources/bad-inputs}.
 */
public final class BadInputCorpus {
  static final String INTERACT = "/experience/interact";
  static final String CHAT = "/api/v0.3/chat";
  static final String EXP = "/experience/wylding-woods";

  /** Bodies that are not one well-formed JSON object within the limits. */
  static final List<String> MALFORMED = List.of("", " ", "{", "}", "[", "{not json", "{\"message\":",
      "{\"message\":\"look\"", "{\"message\":\"look\"}}", "{\"message\":\"look\"} trailing", "{\"message\":\"look\",}",
      "{'message':'look'}", "{message:\"look\"}", "{\"message\":\"look\" \"x\":1}", "[1,2", "nul", "tru", "NaN",
      "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":0x10}",
      "{\"a\":+1}", "// comment\n{\"message\":\"look\"}", "/* c */{\"message\":\"look\"}", "{\"a\":\"\\x41\"}",
      "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "{\"a\":\"tab\there\"}", "{\"message\":\"look\",\"message\":\"take\"}",
      "{\"message\":\"look\"}{\"message\":\"look\"}", "[1,2]", "\"look\"", "42", "true", "null",
      "{\"message\":\"look\"}\u0000");
  static final List<String> DEEP = List.of("[".repeat(65) + "]".repeat(65),
      "{\"a\":".repeat(100) + "1" + "}".repeat(100), "[".repeat(10_000), "{\"message\":" + "[".repeat(70) + "]".repeat(70) + "}",
      "{\"a\":" + "9".repeat(100) + "}", "{\"a\":-" + "1".repeat(65) + "}", "{\"a\":1." + "5".repeat(70) + "}");
  /** Invalid UTF-8, as base64: {"message":"<bytes>"}. */
  static final List<byte[]> BAD_UTF8 = List.of(bytes(0xff, 0xfe), bytes(0xc0, 0xaf), bytes(0x80), bytes(0xe2, 0x82),
      bytes(0xed, 0xa0, 0x80), bytes(0xf8, 0x88, 0x80, 0x80, 0x80), bytes(0xf4, 0x90, 0x80, 0x80));
  /** Values of the wrong JSON type for a string field. */
  static final List<String> NOT_STRINGS = List.of("5", "-1", "1.5", "true", "false", "{}", "[]", "[\"look\"]", "{\"a\":1}");
  /** Strings that are not ids: traversal, NATS subject metacharacters, injection, control characters. */
  static final List<String> NOT_IDS = List.of("../../etc/passwd", "..\\\\..\\\\windows", "bottle.joy", "*", ">",
      "world.updates.user.*", "$JS.API.>", "bottle joy", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
      "bottle_joy; rm -rf /", "' OR '1'='1", "bottle_joy\\r\\nX-Injected: 1", "\\u202ebottle_joy", "bottle_joy\\u0000",
      "%2e%2e%2f", "C:\\\\Windows", "x".repeat(65), "\\u00e9t\\u00e9", "-leading-dash");

  private final Map<String, List<ObjectNode>> files = new LinkedHashMap<>();
  private int counter;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "embedded-server/src/test/resources/bad-inputs");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : new BadInputCorpus().render().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** File name -> content. */
  public Map<String, String> render() {
    files.clear();
    counter = 0;
    malformed();
    wrongTypes();
    oversized();
    injection();
    auth();
    paths();
    raw();
    sse();
    wsConnect();
    wsMessages();
    outOfOrder();
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((name, cases) -> {
      StringBuilder b = new StringBuilder();
      cases.forEach(c -> b.append(Json.write(c)).append('\n'));
      out.put(name, b.toString());
    });
    return out;
  }

  private void malformed() {
    String[][] endpoints = {{INTERACT, "player"}, {CHAT, "player"}, {"/dev/token", "none"},
        {"/admin/experience/wylding-woods/command", "admin"}, {"/admin/experience/wylding-woods/reset", "admin"}};
    for (String[] e : endpoints) {
      for (String body : MALFORMED) {
        add("http-malformed.jsonl", http("POST", e[0], e[1]).put("body", body));
      }
      for (String body : DEEP) {
        add("http-malformed.jsonl", http("POST", e[0], e[1]).put("body", body));
      }
    }
    for (String[] e : new String[][] {{INTERACT, "player"}, {CHAT, "player"}, {"/dev/token", "none"}}) {
      for (byte[] b : BAD_UTF8) {
        byte[] body = concat("{\"message\":\"".getBytes(StandardCharsets.UTF_8), b, "\"}".getBytes(StandardCharsets.UTF_8));
        add("http-malformed.jsonl", http("POST", e[0], e[1]).put("body_base64", Base64.getEncoder().encodeToString(body)));
      }
    }
  }

  private void wrongTypes() {
    String f = "http-wrong-types.jsonl";
    for (String v : NOT_STRINGS) {
      add(f, http("POST", INTERACT, "player").put("body", "{\"message\":" + v + "}"));
      add(f, http("POST", INTERACT, "player").put("body", "{\"action\":" + v + "}"));
      add(f, http("POST", INTERACT, "player").put("body", "{\"action\":\"look\",\"request_id\":" + v + "}"));
      add(f, http("POST", CHAT, "player").put("body", "{\"message\":" + v + ",\"stream\":true}"));
      add(f, http("POST", "/dev/token", "none").put("body", "{\"user_id\":" + v + "}"));
      add(f, http("POST", "/dev/token", "none").put("body", "{\"user_id\":\"alice\",\"role\":" + v + "}"));
      add(f, http("POST", "/admin/experience/wylding-woods/command", "admin").put("body", "{\"command\":" + v + "}"));
      add(f, http("POST", "/admin/experience/wylding-woods/reset", "admin").put("body", "{\"scope\":" + v + "}"));
      add(f, http("POST", "/admin/faults/narrator", "admin").put("body", "{\"slowdown\":" + (v.equals("5") || v.equals("1.5") ? "\"" + v + "\"" : v) + "}"));
      add(f, http("POST", "/admin/faults/nats", "admin").put("body", "{\"action\":" + v + "}"));
      add(f, http("POST", "/admin/faults/cut", "admin").put("body", "{\"user_id\":" + v + "}"));
    }
    for (String field : List.of("instance_id", "item_id", "destination", "target_npc_id", "target_player_id", "npc_id")) {
      for (String v : List.of("5", "true", "{}", "[]", "[\"bottle_joy\"]", "1.5")) {
        add(f, http("POST", INTERACT, "player").put("body", "{\"action\":\"collect_item\",\"" + field + "\":" + v + "}"));
      }
    }
    for (String v : List.of("\"\"", "\"   \"", "null")) {
      add(f, http("POST", INTERACT, "player").put("body", "{\"action\":" + v + "}"));
      add(f, http("POST", CHAT, "player").put("body", "{\"message\":" + v + "}"));
      add(f, http("POST", "/dev/token", "none").put("body", "{\"user_id\":" + v + "}"));
      add(f, http("POST", "/admin/experience/wylding-woods/command", "admin").put("body", "{\"command\":" + v + "}"));
    }
    for (String body : List.of("{}", "{\"stream\":true}", "{\"experience\":\"wylding-woods\"}", "{\"request_id\":\"r1\"}")) {
      add(f, http("POST", INTERACT, "player").put("body", body));
      add(f, http("POST", CHAT, "player").put("body", body));
    }
    for (String v : List.of("0", "101", "-1", "1e9", "0.5", "null")) {
      add(f, http("POST", "/admin/faults/narrator", "admin").put("body", "{\"slowdown\":" + v + "}"));
    }
    for (String v : List.of("\"restart\"", "\"\"", "\"STOP\"", "\"start now\"")) {
      add(f, http("POST", "/admin/faults/nats", "admin").put("body", "{\"action\":" + v + "}"));
    }
    for (String v : List.of("\"root\"", "\"ADMIN\"", "\"superuser\"", "\"\"")) {
      add(f, http("POST", "/dev/token", "none").put("body", "{\"user_id\":\"alice\",\"role\":" + v + "}"));
    }
    add(f, http("POST", "/admin/experience/wylding-woods/reset", "admin").put("body", "{\"scope\":\"player\",\"target\":5}"));
    add(f, http("POST", "/admin/experience/wylding-woods/reset", "admin").put("body", "{\"scope\":\"player\",\"target\":{}}"));
    add(f, http("POST", "/admin/experience/wylding-woods/reset", "admin").put("body", "{\"confirm\":true}"));
    for (String s : List.of("\\uD800", "\\uDC00", "a\\uD800b", "\\uDBFF\\uDBFF")) {
      add(f, http("POST", INTERACT, "player").put("body", "{\"action\":\"collect_item\",\"instance_id\":\"bottle_joy\",\"note\":\"" + s + "\"}"));
      add(f, http("POST", CHAT, "player").put("body", "{\"message\":\"take " + s + "\"}"));
      add("ws-messages.jsonl", ws("{\"type\":\"chat\",\"text\":\"" + s + "\"}"));
    }
  }

  private void oversized() {
    String f = "http-oversized.jsonl";
    for (int kib : List.of(65, 100, 1024, 10 * 1024, 50 * 1024)) {
      add(f, filled(http("POST", INTERACT, "player").put("body", "{\"message\":\"<<fill>>\"}"), "x", kib * 1024).put("expect_status", 413));
    }
    add(f, filled(http("POST", CHAT, "player").put("body", "{\"message\":\"<<fill>>\"}"), "x", 70_000).put("expect_status", 413));
    add(f, filled(http("POST", "/dev/token", "none").put("body", "{\"user_id\":\"<<fill>>\"}"), "a", 100_000).put("expect_status", 413));
    for (String field : List.of("message", "request_id", "instance_id", "experience", "conversation_id", "whatever")) {
      String body = field.equals("message") ? "{\"message\":\"<<fill>>\"}"
          : "{\"action\":\"look\",\"" + field + "\":\"<<fill>>\"}";
      add(f, filled(http("POST", INTERACT, "player").put("body", body), "y", 2_001));
      add(f, filled(http("POST", INTERACT, "player").put("body", body), "y", 60_000));
    }
    add(f, filled(http("POST", INTERACT, "player").put("body", "{\"action\":\"look\",\"<<fill>>\":1}"), "k", 2_001));
    add(f, filled(http("POST", CHAT, "player").put("body", "{\"message\":\"<<fill>>\"}"), "z", 2_001));
    add(f, filled(http("POST", "/admin/experience/wylding-woods/command", "admin").put("body", "{\"command\":\"@where <<fill>>\"}"), "w", 2_001));
    StringBuilder many = new StringBuilder("{\"action\":\"look\"");
    for (int i = 0; i < 100; i++) {
      many.append(",\"f").append(i).append("\":").append(i);
    }
    add(f, http("POST", INTERACT, "player").put("body", many.append('}').toString()));
    add(f, filled(http("POST", INTERACT, "player").put("body", "{\"action\":\"look\",\"args\":[<<fill>>\"x\"]}"), "\"x\",", 10_000));
    add(f, filled(http("GET", "/health?<<fill>>", "none"), "a", 20_000));
    add(f, filled(http("GET", EXP + "/view", "player").put("header_name", "X-Big").put("header_value", "<<fill>>"), "b", 20_000));
    add(f, filled(http("GET", EXP + "/events", "player").put("header_name", "Last-Event-ID").put("header_value", "<<fill>>"), "1", 10_000));
    add(f, filled(http("GET", "/experience/<<fill>>/view", "player"), "c", 5_000));
  }

  private void injection() {
    String f = "http-injection.jsonl";
    for (String id : NOT_IDS) {
      String json = "\"" + id + "\"";
      add(f, http("POST", INTERACT, "player").put("body", "{\"action\":\"collect_item\",\"instance_id\":" + json + "}"));
      add(f, http("POST", INTERACT, "player").put("body", "{\"action\":\"go\",\"destination\":" + json + "}"));
      add(f, http("POST", INTERACT, "player").put("body", "{\"action\":\"give_item\",\"instance_id\":\"bottle_joy\",\"target_player_id\":" + json + "}"));
      add(f, http("POST", INTERACT, "player").put("body", "{\"message\":\"look\",\"experience\":" + json + "}"));
      if (!id.matches("[A-Za-z0-9_.:-]{1,128}")) {
        add(f, http("POST", INTERACT, "player").put("body", "{\"message\":\"look\",\"request_id\":" + json + "}"));
      }
      add(f, http("POST", "/dev/token", "none").put("body", "{\"user_id\":" + json + "}"));
      add(f, http("POST", CHAT, "player").put("body", "{\"message\":\"look\",\"experience\":" + json + "}"));
    }
    for (String p : List.of("..%2F..%2Fetc", "%2e%2e", "..%5c..%5cwindows", "C%3A%5CWindows", "a%00b", "wylding-woods%00",
        ".git", "%2F", "~root", "%24(id)", "%60id%60", "Wylding-Woods", "wylding.woods", "wyld%D1%96ng-woods", "%3Cscript%3E",
        "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "con", "nul", "-", "_x")) {
      add(f, http("GET", "/experience/" + p + "/view", "player"));
      add(f, http("GET", "/experience/" + p + "/events", "player"));
      add(f, http("GET", "/experience/" + p + "/world", "admin"));
      add(f, http("POST", "/admin/experience/" + p + "/command", "admin").put("body", "{\"command\":\"@where\"}"));
    }
    for (String p : List.of("..%2F..%2Fetc%2Fpasswd", "a.b", "*", "%3E", "a%00", "%2e%2e", "x".repeat(65), "operator%0A")) {
      add(f, http("GET", EXP + "/players/" + p, "admin"));
    }
    for (String c : List.of("..%2F..%2F.git%2Fconfig", "HEAD%5E%7Btree%7D", "refs%2Fheads%2Fmain", "g".repeat(50),
        "HEAD~99999999999999999999", "0000000000000000000000000000000000000000", "HEAD@%7B1%7D", "main")) {
      add(f, http("GET", "/admin/experience/wylding-woods/history/" + c, "admin"));
    }
    for (String t : List.of("..%2F..%2Fx", "%00", "x".repeat(300), "%3Cscript%3E")) {
      add(f, http("GET", "/trace/" + t, "player"));
    }
  }

  private void auth() {
    String f = "http-auth.jsonl";
    List<String> bad = List.of("", "Bearer", "Bearer ", "Token <<player>>", "Basic dXNlcjpwYXNz", "Bearer a", "Bearer a.b",
        "Bearer a.b.c.d", "Bearer ...", "Bearer <<expired>>", "Bearer <<forged>>", "Bearer <<foreign>>",
        "Bearer <<signed:" + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"alice\",\"role\":\"admin\",\"exp\":9999999999}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"HS512\"}") + "." + b64("{\"sub\":\"alice\",\"exp\":9999999999}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"RS256\"}") + "." + b64("{\"sub\":\"alice\",\"exp\":9999999999}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"hs256\"}") + "." + b64("{\"sub\":\"alice\",\"exp\":9999999999}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"../alice\",\"exp\":9999999999}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"alice.*\",\"exp\":9999999999}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"alice\"}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"alice\",\"exp\":\"never\"}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"HS256\"}") + "." + b64("{\"exp\":9999999999}") + ">>",
        "Bearer <<signed:" + b64("{\"alg\":\"HS256\"}") + "." + b64("[1,2,3]") + ">>",
        "Bearer <<signed:" + b64("not json") + "." + b64("{\"sub\":\"alice\",\"exp\":9999999999}") + ">>",
        "Bearer !!!.@@@.###", "Bearer " + "A".repeat(4_000) + "." + "B".repeat(4_000) + ".C");
    String[][] targets = {{"POST", INTERACT, "{\"message\":\"look\"}"}, {"GET", EXP + "/view", null},
        {"GET", EXP + "/commands", null}, {"POST", "/nats/credentials", "{}"}, {"GET", "/trace/x", null},
        {"POST", CHAT, "{\"message\":\"look\",\"stream\":true}"}, {"GET", EXP + "/events", null}};
    for (String[] t : targets) {
      for (String a : bad) {
        ObjectNode c = http(t[0], t[1], "raw").put("authorization", a);
        if (t[2] != null) {
          c.put("body", t[2]);
        }
        add(f, c);
      }
    }
    String[][] adminOnly = {{"GET", EXP + "/world", null}, {"GET", "/admin/status", null},
        {"GET", "/admin/experience/wylding-woods/history", null}, {"GET", "/admin/experience/wylding-woods/history/HEAD", null},
        {"POST", "/admin/experience/wylding-woods/command", "{\"command\":\"@where\"}"},
        {"POST", "/admin/experience/wylding-woods/reset", "{\"scope\":\"world\",\"confirm\":true}"},
        {"POST", "/admin/faults/nats", "{\"action\":\"stop\"}"}, {"POST", "/admin/faults/narrator", "{\"slowdown\":3}"},
        {"POST", "/admin/faults/cut", "{\"user_id\":\"c0\"}"}, {"GET", EXP + "/players/c1", null}};
    for (String[] t : adminOnly) {
      for (String who : List.of("player", "none", "expired")) {
        ObjectNode c = who.equals("expired") ? http(t[0], t[1], "raw").put("authorization", "Bearer <<expired>>")
            : http(t[0], t[1], who);
        if (t[2] != null) {
          c.put("body", t[2]);
        }
        add(f, c);
      }
    }
    for (String body : List.of("{\"action\":\"@reset\",\"args\":[\"world\",\"CONFIRM\"]}", "{\"message\":\"@reset experience CONFIRM\"}",
        "{\"action\":\"@edit item bottle_joy visible false\"}", "{\"message\":\"@edit global shop_open false\"}",
        "{\"user_id\":\"operator\",\"role\":\"admin\",\"message\":\"@reset world CONFIRM\"}", "{\"action\":\"@where\"}",
        "{\"action\":\"@examine\",\"args\":[\"bottle_joy\"]}", "{\"action\":\"@reset world CONFIRM\",\"admin\":true}")) {
      add(f, http("POST", INTERACT, "player").put("body", body).put("expect_status", 403));
    }
  }

  private void paths() {
    String f = "http-paths.jsonl";
    for (String p : List.of("/", "/admin", "/experience", EXP, "/api/v0.3", "/ws", "/.git/config", EXP + "/view/extra",
        "/%2e%2e/%2e%2e/etc/passwd", "/WEB-INF/web.xml", EXP + "/events/1", "/experience/interact/x", "/dev", "/nats",
        "/health/..%2F..%2Fetc", "/index.html", "/experience//view", "/api/v2/chat", "/admin/faults", "/trace")) {
      add(f, http("GET", p, "player"));
    }
    String[][] wrong = {{"GET", INTERACT}, {"PUT", INTERACT}, {"DELETE", EXP + "/world"}, {"PATCH", "/dev/token"},
        {"PUT", "/admin/experience/wylding-woods/reset"}, {"GET", CHAT}, {"DELETE", "/health"}, {"POST", "/health"},
        {"POST", EXP + "/view"}, {"POST", EXP + "/events"}, {"GET", "/nats/credentials"}, {"PUT", "/admin/faults/nats"},
        {"TRACE", "/health"}, {"FOO", "/health"}, {"DELETE", EXP + "/players/c1"}, {"POST", "/trace/x"}};
    for (String[] w : wrong) {
      add(f, http(w[0], w[1], w[0].equals("GET") && w[1].startsWith("/admin") ? "admin" : "player").put("body", "{}"));
    }
    for (String limit : List.of("0", "-1", "1001", "abc", "1e3", "99999999999999999999", "", "1.5", "%00", "10%20")) {
      add(f, http("GET", "/admin/experience/wylding-woods/history?limit=" + limit, "admin"));
    }
    for (String id : List.of("abc", "-1", "1e3", "99999999999999999999", "", "1.5", "0x10", "1,2", "%2D5", "%2B5",
        "%D9%A1%D9%A2", "%EF%BC%91")) {
      add(f, http("GET", EXP + "/events?last_event_id=" + id, "player"));
    }
  }

  private void raw() {
    String f = "http-raw.jsonl";
    List<String> requests = List.of(
        "GET / HTTP/1.1\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n0123456789",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n",
        "GET /health\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\n X-Folded: y\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nX-\u00ff\u00fe: y\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\nAuthorization: Bearer <<player>>\r\n\r\n<<fill>>",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\nAuthorization: Bearer <<player>>\r\n"
            + "Connection: close\r\n\r\n{\"message\":\"look\"",
        "GET /ws/experience?token=<<player>> HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        "GET /ws/experience?token=<<player>> HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n",
        "GET /experience/wylding-woods/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer <<player>>\r\nLast-Event-ID: 1\r\nLast-Event-ID: 2\r\n\r\n",
        "GET /experience/wylding-woods/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer <<player>>\r\nLast-Event-ID: \u00e9\r\n\r\n",
        "GET /%%% HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /experience/wylding-woods/events?token=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /experience/wylding-woods/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer <<player>>\r\nLast-Event-ID: \u00d9\u00a1\r\n\r\n",
        "GET /experience/%C0%AE%C0%AE/view HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer <<player>>\r\n\r\n",
        "GET /experience/..;/..;/etc/view HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer <<player>>\r\n\r\n",
        "GET //experience/wylding-woods/world HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer <<player>>\r\n\r\n",
        "POST /experience/interact HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer <<player>>\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"message\":\"look",
        "GET /health HTTP/1.1\r\nHost: x\r\n" + "X-H: y\r\n".repeat(2_000) + "\r\n",
        "GET /<<fill>> HTTP/1.1\r\nHost: x\r\n\r\n");
    for (String r : requests) {
      ObjectNode c = node("raw").put("request", r);
      if (r.contains("<<fill>>")) {
        filled(c, "a", 70_000);
      }
      if (r.contains("Content-Length: 500")) {
        c.put("half_close", true); // the body ends early: the client stops sending and waits for the answer
      }
      add(f, c);
    }
  }

  private void sse() {
    String f = "sse.jsonl";
    for (String id : List.of("abc", "-1", "1.5", "1e3", "99999999999999999999", "0x10", " ", "1,2", "1 2", "--1", "+-1",
        "1;DROP", "<<fill>>")) {
      ObjectNode c = node("sse").put("method", "GET").put("path", EXP + "/events").put("auth", "player")
          .put("header_name", "Last-Event-ID").put("header_value", id);
      if (id.contains("<<fill>>")) {
        filled(c, "9", 300);
      }
      add(f, c);
    }
    for (String t : List.of("", "abc", "<<expired>>", "<<forged>>", "<<foreign>>", "a.b.c", "%00")) {
      add(f, node("sse").put("method", "GET").put("path", EXP + "/events?token=" + t).put("auth", "none"));
    }
    for (String p : List.of("/experience/nope/events", "/experience/..%2F..%2Fetc/events", "/experience/WYLDING/events")) {
      add(f, node("sse").put("method", "GET").put("path", p).put("auth", "player"));
    }
    add(f, node("sse").put("method", "GET").put("path", EXP + "/events?token=<<player>>").put("auth", "raw")
        .put("authorization", "Bearer <<forged>>"));
    for (String text : List.of("@reset experience CONFIRM", "@reset world CONFIRM", "@edit item bottle_joy visible false",
        "@edit global shop_open false", "@examine bottle_joy", "@where")) {
      add(f, node("sse").put("method", "POST").put("path", CHAT).put("auth", "player")
          .put("body", Json.write(Json.object().put("message", text).put("stream", true))));
    }
    for (String body : List.of("{\"message\":\"look\",\"request_id\":\"../x\"}", "{\"message\":\"look\",\"request_id\":5}",
        "{\"message\":\"look\",\"experience\":\"nope\"}", "{\"message\":\"look\",\"experience\":\"../x\"}",
        "{\"message\":[\"look\"],\"stream\":true}", "{\"message\":{\"text\":\"look\"}}", "{\"stream\":true}",
        "{\"message\":\"\",\"stream\":true}", "{\"message\":\" \\t \",\"stream\":true}")) {
      add(f, node("sse").put("method", "POST").put("path", CHAT).put("auth", "player").put("body", body));
    }
  }

  private void wsConnect() {
    String f = "ws-connect.jsonl";
    for (String q : List.of("?experience=wylding-woods", "?token=&experience=wylding-woods", "?token=abc",
        "?token=<<expired>>", "?token=<<forged>>", "?token=<<foreign>>", "?token=a.b.c.d",
        "?token=<<signed:" + b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"alice\",\"exp\":9999999999}") + ">>",
        "?token=<<player>>&experience=nope", "?token=<<player>>&experience=..%2F..%2Fetc", "?token=<<player>>&experience=",
        "?token=<<player>>&experience=WYLDING-WOODS", "?token=<<player>>&experience=wylding-woods%00",
        "?token=<<player>>&experience=" + "x".repeat(200))) {
      add(f, node("ws").put("query", q));
    }
    for (String v : List.of("abc", "-1", "1e3", "99999999999999999999", "", "1.5", "0x10", "999999999", "%2B5",
        "%D9%A1%D9%A2")) {
      add(f, node("ws").put("query", "?token=<<player>>&experience=wylding-woods&since_version=" + v));
    }
  }

  private void wsMessages() {
    String f = "ws-messages.jsonl";
    for (String m : MALFORMED) {
      if (!m.isEmpty()) {
        add(f, ws(m));
      }
    }
    for (String m : DEEP.subList(0, 4)) {
      add(f, ws(m));
    }
    add(f, ws("{\"type\":" + "9".repeat(80) + "}"));
    for (String t : List.of("5", "null", "{}", "[]", "\"\"", "\"ACTION\"", "\" action\"", "\"action\\u0000\"", "\"bogus\"",
        "\"connected\"", "\"area_of_interest\"", "\"world_update\"", "\"action_response\"", "\"pong\"", "\"heartbeat\"",
        "\"error\"", "\"quest_update\"", "\"commands_schema\"", "\"<script>\"", "\"" + "t".repeat(500) + "\"")) {
      add(f, ws("{\"type\":" + t + "}"));
    }
    add(f, ws("{\"action\":\"look\"}"));
    for (String v : List.of("5", "null", "{}", "[]", "\"\"", "\"  \"", "true")) {
      add(f, ws("{\"type\":\"action\",\"action\":" + v + "}"));
      add(f, ws("{\"type\":\"chat\",\"text\":" + v + "}"));
      add(f, ws("{\"type\":\"update_location\",\"lat\":" + v + ",\"lng\":-122.5}"));
    }
    add(f, ws("{\"type\":\"action\"}"));
    add(f, ws("{\"type\":\"chat\"}"));
    add(f, ws("{\"type\":\"update_location\"}"));
    add(f, ws("{\"type\":\"update_location\",\"lat\":37.9}"));
    for (String ll : List.of("\"lat\":91,\"lng\":0", "\"lat\":0,\"lng\":181", "\"lat\":-90.5,\"lng\":0", "\"lat\":1e400,\"lng\":0",
        "\"lat\":0,\"lng\":-1e400", "\"lat\":0,\"lng\":0", "\"lat\":-33.8,\"lng\":151.2", "\"lat\":\"37.9\",\"lng\":\"-122.5\"")) {
      add(f, ws("{\"type\":\"update_location\"," + ll + "}"));
    }
    for (String ts : List.of("{}", "[]", "[1]", "{\"a\":1}")) {
      add(f, ws("{\"type\":\"ping\",\"timestamp\":" + ts + "}"));
    }
    for (String field : List.of("instance_id", "item_id", "destination", "target_npc_id", "target_player_id", "npc_id", "quest_id")) {
      for (String v : List.of("5", "true", "{}", "[]", "\"../x\"", "\"a.b\"", "\"*\"", "\">\"", "\"x y\"")) {
        add(f, ws("{\"type\":\"action\",\"action\":\"collect_item\",\"" + field + "\":" + v + "}"));
      }
    }
    for (String r : List.of("5", "{}", "\"\"", "\"../x\"", "\"a b\"", "\"" + "r".repeat(129) + "\"")) {
      add(f, ws("{\"type\":\"action\",\"action\":\"look\",\"request_id\":" + r + "}"));
    }
    for (String a : List.of("fly_away", "@reset world CONFIRM", "@reset experience CONFIRM", "@edit item bottle_joy visible false",
        "@where", "@examine bottle_joy", "@edit global shop_open false", "DROP TABLE players", "collect_item;reset")) {
      add(f, ws(Json.write(Json.object().put("type", "action").put("action", a))));
    }
    for (String text : List.of("@reset world CONFIRM", "@edit item bottle_joy visible false")) {
      add(f, ws(Json.write(Json.object().put("type", "chat").put("text", text))));
    }
    add(f, filled(ws("{\"type\":\"chat\",\"text\":\"<<fill>>\"}"), "x", 2_001));
    add(f, filled(ws("{\"type\":\"action\",\"action\":\"<<fill>>\"}"), "x", 2_001));
    add(f, filled(ws("{\"type\":\"action\",\"action\":\"look\",\"<<fill>>\":1}"), "k", 2_001));
    add(f, filled(ws("{\"type\":\"chat\",\"text\":\"<<fill>>\"}"), "x", 70_000).put("expect_close", 1009));
    // The server closes while the client still pushes a megabyte: TCP may reset before the 1009 is read.
    add(f, filled(ws("{\"type\":\"chat\",\"text\":\"<<fill>>\"}"), "x", 1_048_576).put("expect_close", 1009)
        .put("reset_allowed", true));
    StringBuilder many = new StringBuilder("{\"type\":\"action\",\"action\":\"look\"");
    for (int i = 0; i < 100; i++) {
      many.append(",\"f").append(i).append("\":").append(i);
    }
    add(f, ws(many.append('}').toString()));
    for (String b : List.of("AQID", "AA==", Base64.getEncoder().encodeToString("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8)))) {
      add(f, node("ws").put("query", "?token=<<player>>&experience=wylding-woods").put("binary_base64", b));
    }
    for (byte[] bad : BAD_UTF8) {
      // Invalid UTF-8 in a text frame: the protocol error is a close (1007).
      byte[] frame = concat("{\"type\":\"chat\",\"text\":\"".getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(StandardCharsets.UTF_8));
      add(f, node("ws").put("query", "?token=<<player>>&experience=wylding-woods").put("text_bytes_base64",
          Base64.getEncoder().encodeToString(frame)));
    }
  }

  private void outOfOrder() {
    String f = "out-of-order.jsonl";
    add(f, node("ws").put("query", "?token=<<player>>&experience=wylding-woods&since_version=999999999"));
    add(f, node("ws").put("query", "?token=<<player>>&experience=wylding-woods&since_version=" + Long.MAX_VALUE));
    add(f, node("sse").put("method", "GET").put("path", EXP + "/events").put("auth", "player")
        .put("header_name", "Last-Event-ID").put("header_value", "999999999"));
    add(f, node("sse").put("method", "GET").put("path", EXP + "/events?last_event_id=" + Long.MAX_VALUE).put("auth", "player"));
    for (String t : List.of("connected", "area_of_interest", "world_update", "action_response", "quest_update", "pong")) {
      add(f, ws(Json.write(Json.object().put("type", t).put("snapshot_version", 1).put("base_version", 0))));
    }
    ObjectNode flood = node("ws").put("query", "?token=<<player>>&experience=wylding-woods").put("answer", "rate_limited");
    ArrayNode msgs = flood.putArray("messages");
    for (int i = 0; i < 60; i++) {
      msgs.add("{\"type\":\"resync\"}");
    }
    add(f, flood);
    ObjectNode early = node("ws").put("query", "?token=<<player>>&experience=wylding-woods");
    early.putArray("messages").add("{\"type\":\"action\",\"action\":\"give_item\",\"instance_id\":\"../x\",\"target_npc_id\":\"louisa\"}")
        .add("{\"type\":\"update_location\",\"lat\":0,\"lng\":0}").add("{\"type\":\"action\",\"action\":\"@reset world CONFIRM\"}");
    add(f, early);
  }

  private ObjectNode ws(String message) {
    ObjectNode c = node("ws").put("query", "?token=<<player>>&experience=wylding-woods");
    c.putArray("messages").add(message);
    return c;
  }

  private ObjectNode http(String method, String path, String auth) {
    return node("http").put("method", method).put("path", path).put("auth", auth);
  }

  private ObjectNode node(String channel) {
    return Json.object().put("id", String.format("%s-%04d", channel, ++counter)).put("channel", channel);
  }

  private static ObjectNode filled(ObjectNode c, String text, int times) {
    c.putObject("fill").put("text", text).put("times", times);
    return c;
  }

  private void add(String file, ObjectNode c) {
    files.computeIfAbsent(file, k -> new ArrayList<>()).add(c);
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
