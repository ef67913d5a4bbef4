"""The soak's workload: the mix of requests each node gets, as a wrk script that rotates through them, paced
or not, and one wrk process per node (see soak.py)."""
import json
import os
import re
import subprocess

from load import parse_wrk
from servers import basic, form

# The mix each node gets, as shares of ten requests: resource servers introspect and read userinfo far more often
# than clients fetch tokens, and a client caches the JWKS.
MIX = [("introspect", 4), ("token", 2), ("userinfo", 2), ("token_jwt", 1), ("jwks", 1)]
MIX_LABELS = {"introspect": "introspection of the user's access token issued on the other node",
              "token": "client_credentials, opaque access token",
              "userinfo": "userinfo with the user's access token issued on the other node",
              "token_jwt": "client_credentials, JWT access token (RS256)",
              "jwks": "JWKS"}

# The wrk script's fixed part; lua_script() puts the node's requests in front (REQUESTS, ORDER, RATE). Every answer
# outside 2xx is an error, and so is an introspection that says the token is not active (it is a 200).
LUA = """
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
int clock_gettime(int clock, soak_timespec *now);
]]
local CLOCK_MONOTONIC, clock = 1, ffi.new("soak_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
function setup(thread) table.insert(threads, thread) end

local prepared, turn, interval, slot = {}, 0, nil, nil
function init(args)
  non2xx, inactive, statuses = 0, 0, {}
  for i, r in ipairs(REQUESTS) do prepared[i] = wrk.format(r[1], r[2], r[3], r[4]) end
  if RATE > 0 then interval, slot = 1000 / RATE, now_ms() end
end

function request()
  turn = turn % #ORDER + 1
  return prepared[ORDER[turn]]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  elseif body and body:find('"active"%s*:%s*false') then
    inactive = inactive + 1
  end
end

function done(summary, latency, requests)
  local n, off, by = 0, 0, {}
  for _, t in ipairs(threads) do
    n, off = n + t:get("non2xx"), off + t:get("inactive")
    for s, c in pairs(t:get("statuses")) do by[s] = (by[s] or 0) + c end
  end
  io.write(string.format("non-2xx answers: %d\\ninactive introspections: %d\\n", n, off))
  for s, c in pairs(by) do io.write(string.format("status %d: %d\\n", s, c)) end
end
"""

# Only the soak's script has delay(): wrk calls it after each answer on a connection and sends that connection's next
# request so many ms later. The thread hands out the slots of one schedule on a real clock, one per request, to
# whichever connection asks next, so a slow answer does not lower the rate: a late slot is sent at once.
PACED = """
function delay()
  slot = slot + interval
  local wait = slot - now_ms()
  if wait < 1 then return 0 end
  return math.floor(wait)
end
"""


def mix_requests(node, user_token):
    """The requests of the mix for `node`: name -> (method, path, headers, body)."""
    posted = {"Content-Type": "application/x-www-form-urlencoded"}
    return {"introspect": ("POST", "/oauth2/introspect", {"Authorization": basic(*node.client), **posted},
                           form({"token": user_token})),
            "token": ("POST", "/oauth2/token", {"Authorization": basic(*node.client), **posted},
                      "grant_type=client_credentials"),
            "userinfo": ("GET", "/userinfo", {"Authorization": "Bearer " + user_token}, None),
            "token_jwt": ("POST", "/oauth2/token", {"Authorization": basic(*node.jwt_client), **posted},
                          "grant_type=client_credentials"),
            "jwks": ("GET", "/.well-known/jwks.json", {}, None)}


def rotation(mix):
    """The order of one round of the mix, each request as evenly spread as its share allows (smooth weighted
    round robin)."""
    total, current, order = sum(w for _, w in mix), {n: 0 for n, _ in mix}, []
    for _ in range(total):
        for n, w in mix:
            current[n] += w
        pick = max(current, key=current.get)
        current[pick] -= total
        order.append(pick)
    return order


def lua_script(path, requests, rate):
    """A wrk script sending `requests` in the mix's order, `rate` requests per second per thread (0: unthrottled)."""
    names = [n for n, _ in MIX]
    lines = ["REQUESTS = {"]
    for n in names:
        method, req_path, headers, body = requests[n]
        fields = ", ".join(f"[{lua(k)}] = {lua(v)}" for k, v in headers.items())
        lines.append(f"  {{{lua(method)}, {lua(req_path)}, {{{fields}}}, {lua(body) if body else 'nil'}}},")
    lines += ["}", "ORDER = {" + ", ".join(str(names.index(n) + 1) for n in rotation(MIX)) + "}", f"RATE = {rate!r}"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + LUA + (PACED if rate else ""))
    return path


def lua(text):
    """A Lua string literal: JSON's escapes are Lua's for ASCII text."""
    return json.dumps(text, ensure_ascii=True)


class Load:
    """One wrk per node, all started together; `finish()` waits for them and returns their figures per node."""

    def __init__(self, a, nodes, phase, seconds, requests, rate_per_node):
        self.phase, self.out, self.runs = phase, a.out, {}
        for node in nodes:
            script = lua_script(os.path.join(a.out, f"{phase}-{node.server}.lua"), requests[node.server],
                                rate_per_node / a.threads if rate_per_node else 0)
            args = ["wrk", f"-t{a.threads}", f"-c{a.connections}", f"-d{seconds}s", "--timeout", "30s", "--latency",
                    "-s", script, node.base]
            self.runs[node.server] = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def finish(self):
        results = {}
        for server, run in self.runs.items():
            out, err = run.communicate()
            with open(os.path.join(self.out, f"wrk-{self.phase}-{server}.txt"), "w") as f:
                f.write(out + err)
            if run.returncode != 0:
                raise SystemExit(f"wrk for {server} exited with {run.returncode}: {err.strip()[:300]}")
            r = parse_wrk(out)
            inactive = int(re.search(r"inactive introspections: (\d+)", out).group(1))
            r["errors"] += inactive
            r["statuses"] = {int(s): int(c) for s, c in re.findall(r"^status (\d+): (\d+)$", out, re.M)}
            r["inactive"] = inactive
            results[server] = r
        return results

    def stop(self):
        for run in self.runs.values():
            if run.poll() is None:
                run.terminate()
                run.wait(10)
