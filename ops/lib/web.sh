# Sourced by the ops scripts: the web dashboard (src/Web, built from its lock file into src/Api/wwwroot/app) and what
# its browser tests need — Node.js with npm, and Debian's Chromium (never a browser a tool downloads).

# Vite 8 needs Node.js 20.19 or later (or 22.12+). Debian 12's own nodejs is 18: a machine without a newer one is
# told what to install rather than given one that cannot build.
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "the dashboard needs Node.js >= 20.19 with npm (https://nodejs.org, or NodeSource's Debian packages)"
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || a === 22 && b >= 12 || a === 20 && b >= 19 ? 0 : 1)' \
    || die "the dashboard needs Node.js >= 20.19 (or >= 22.12); this machine has $(node --version)"
}

# npm ci in folder $1 when its lock file changed since the last install there (or nothing is installed).
npm_ci_in() {
  local dir=$1 stamp="$1/node_modules/.eventhr-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then return 0; fi
  echo "eventhr: npm ci in ${dir#$repo_root/} ..." >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $dir"
  cp "$dir/package-lock.json" "$stamp"
}

# Builds the dashboard into src/Api/wwwroot/app (types from docs/openapi.json, a type check, then Vite).
build_dashboard() {
  ensure_node
  npm_ci_in "$repo_root/src/Web"
  mkdir -p "$repo_root/.data"
  local log="$repo_root/.data/web-build.log"
  (cd "$repo_root/src/Web" && npm run -s build >"$log" 2>&1) || { tail -40 "$log" >&2; die "the dashboard does not build (log: .data/web-build.log)"; }
}

ensure_chromium() {
  [ -x "${EVENTHR_CHROMIUM:-/usr/bin/chromium}" ] && command -v curl >/dev/null && return 0
  [ "$(id -u)" -eq 0 ] || die "the browser tests need Debian's Chromium: run 'sudo apt-get install -y chromium' once"
  echo "eventhr: installing Chromium (Debian package chromium)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y -qq chromium curl >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium curl >/dev/null; }; } || die "installing chromium failed"
}

# Runs tests/Web in headless Chromium against an API of its own: the Release build, environment Development as ./ops/run
# serves the dashboard (the settable clock, the sign-in page's "sign in as"),
# owner connection $1 on a schema of its own, a signing key made for this run, the 09:00 chain woken every 2 s.
run_browser_tests() {
  local owner_cs=$1 port=${EVENTHR_WEB_PORT:-5190} schema=eventhr_web
  ensure_chromium
  npm_ci_in "$repo_root/tests/Web"
  port_in_use "$port" && die "port $port (browser tests' API) is taken: set EVENTHR_WEB_PORT"
  # On a server of your own the schema may survive an earlier run: each run then takes a new one (eventhr_web_<time>,
  # left there for a look afterwards; drop them when done).
  [ -n "${EVENTHR_DB:-}" ] && schema="eventhr_web_$(date +%s)"
  local key log="$repo_root/.data/web-api.log"
  key="eventhr-browser-tests-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  mkdir -p "$repo_root/.data"
  ( cd "$repo_root/src/Api/bin/Release/net10.0" && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__EventHr="$owner_cs" EventHr__Schema=$schema \
      Auth__SigningKey="$key" EVENTHR_CLOCK=2026-11-01T09:00:00+08:00 EventHr__Reports__WakeUpEvery=00:00:02 \
      EventHr__Cases__Law__MinPlanDays=7 EventHr__Cases__Rules__MinTalliedDays=5 \
      exec dotnet EventHr.Api.dll --urls "http://127.0.0.1:$port" ) >"$log" 2>&1 &
  local api=$!
  local status=0
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 $api 2>/dev/null || break
    sleep 0.5
  done
  if ! curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    kill $api 2>/dev/null || true; tail -30 "$log" >&2; die "the browser tests' API did not start (log: .data/web-api.log)"
  fi
  echo "eventhr: browser tests (tests/Web) in headless Chromium against http://127.0.0.1:$port ..." >&2
  ( cd "$repo_root/tests/Web" && EVENTHR_WEB_URL="http://127.0.0.1:$port" EVENTHR_WEB_SIGNING_KEY="$key" \
      node --test --test-concurrency=1 --test-timeout=300000 --test-reporter=spec ) || status=$?
  kill $api 2>/dev/null || true; wait $api 2>/dev/null || true
  [ $status -eq 0 ] || { echo "eventhr: browser tests failed (the API's log: .data/web-api.log)" >&2; return $status; }
}
