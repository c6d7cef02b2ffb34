#!/usr/bin/env bash
# Renders the real Teapot window into data/screenshots/*.png under a private Xvfb:
# light and dark (wide, on 429), a search in progress, and the narrow (folded) list and detail page;
# then Study (flashcard, quiz start and question, progress) light and dark, wide and narrow, on a
# month of reviews; then Explain on a generated day of an nginx log, light and dark, wide and narrow.
#
#   tests/screenshots.sh [BUILD_DIR]      (default: _build; needs xvfb, xdotool, imagemagick)
#   TEAPOT_SCREENSHOTS_ONLY=browse|study|explain tests/screenshots.sh   (one set only)
set -euo pipefail

# One private session bus for the whole run, so each Teapot started here is the only one.
if [ -z "${TEAPOT_SCREENSHOTS_BUS:-}" ]; then
  exec env TEAPOT_SCREENSHOTS_BUS=1 dbus-run-session -- "$0" "$@"
fi

cd "$(dirname "$0")/.."
BUILD_DIR=${1:-_build}
OUT=data/screenshots
TEAPOT="$BUILD_DIR/src/app/teapot"
mkdir -p "$OUT"

for tool in Xvfb xdotool import dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d)
DISPLAY_NUM=$((90 + RANDOM % 100))
Xvfb ":$DISPLAY_NUM" -screen 0 1400x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

export DISPLAY=":$DISPLAY_NUM" GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DISABLE=gl,vulkan,dmabuf GTK_A11Y=none \
  NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data" LC_ALL=C.UTF-8 \
  XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

# A favourite or two, so the stars show both states.
"$TEAPOT" --star=429 >/dev/null
"$TEAPOT" --star=503 >/dev/null

start() {  # start SCHEME ARGS...: start Teapot and wait for its window
  local scheme=$1; shift
  ADW_DEBUG_COLOR_SCHEME=$scheme "$TEAPOT" "$@" >/dev/null 2>&1 &
  APP_PID=$!
  WINDOW=$(xdotool search --sync --onlyvisible --name '^Teapot$' | head -n 1)
  # No window manager gives it the keyboard: the keys typed below go to the focused window.
  xdotool windowfocus --sync "$WINDOW"
  settle
}

stop() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

settle() { sleep 0.6; }

shoot() {  # shoot NAME: the window alone
  import -window "$WINDOW" "$OUT/$1.png"
  echo "$OUT/$1.png"
}

resize() {
  xdotool windowsize "$WINDOW" "$1" "$2"
  settle
}

want() { [ -z "${TEAPOT_SCREENSHOTS_ONLY:-}" ] || [ "$TEAPOT_SCREENSHOTS_ONLY" = "$1" ]; }

want browse && for scheme in light dark; do
  start "prefer-$scheme" --open=429
  resize 1100 760
  shoot "$scheme"
  if [ "$scheme" = light ]; then
    xdotool type --delay 40 "upstream timed out"
    settle
    shoot search
  fi
  resize 360 720
  xdotool key ctrl+f
  xdotool type --delay 40 "rate limit"
  xdotool key Down
  settle
  shoot "narrow-list-$scheme"
  xdotool key Return
  settle
  shoot "narrow-detail-$scheme"
  stop
done

# Study: a month of reviews first, so the progress page has a history to draw. Written with the
# reliability tests' writer (one TeapotStore, as the window holds it) at past times.
WRITER="$BUILD_DIR/tests/reliability/teapot-writer"
want study && python3 - <<'PY' | "$WRITER" "$WORK/data/teapot/user.sqlite" >/dev/null
import random, time
random.seed(5)
codes = ["100", "101", "200", "201", "202", "204", "206", "301", "302", "303", "304", "307",
         "308", "400", "401", "403", "404", "405", "408", "409", "410", "412", "413", "415",
         "418", "422", "425", "428", "429", "431", "451", "500", "501", "502", "503", "504"]
hard = {"303", "307", "308", "412", "425", "428", "451", "501"}
now = int(time.time())
day = 86400
for ago in range(29, 0, -1):
    if random.random() < 0.2:
        continue
    learned = codes[:min(len(codes), 6 + (29 - ago) * 2)]
    for code in random.sample(learned, random.randint(4, min(14, len(learned)))):
        miss = 0.45 if code in hard else 0.08
        rating = 1 if random.random() < miss else random.choice([3, 3, 3, 2, 4])
        print("review %s %d %d" % (code, rating, now - ago * day - random.randint(0, 6 * 3600)))
PY

want study && for scheme in light dark; do
  start "prefer-$scheme"
  resize 1100 760
  xdotool key ctrl+3        # Study, the focus on Start
  settle
  xdotool key Return        # the first card
  settle
  xdotool key space         # its answer, and the grade buttons
  settle
  shoot "study-flashcard-$scheme"
  xdotool key alt+q         # the quiz's start page, the focus on Start Quiz
  settle
  shoot "study-quiz-start-$scheme"
  xdotool key Return        # the first question, the focus on the question itself
  settle
  xdotool key 2             # an answer, right or wrong
  settle
  shoot "study-quiz-$scheme"
  xdotool key alt+p
  settle
  shoot "study-progress-$scheme"
  resize 360 720
  shoot "study-progress-narrow-$scheme"
  xdotool key alt+c
  settle
  shoot "study-flashcard-narrow-$scheme"
  xdotool key alt+q
  settle
  shoot "study-quiz-narrow-$scheme"
  stop
  # A window of its own for the narrow start page: resizing moves the focus off the page.
  start "prefer-$scheme"
  resize 360 720
  xdotool key ctrl+3 alt+q
  settle
  shoot "study-quiz-start-narrow-$scheme"
  stop
done

# Explain: a day of a busy nginx log, with a deploy that went wrong in the afternoon. Opened
# the way a person does: Alt+E for the page, Ctrl+O, and the file chooser's Recent list (the
# log is made a recent file; typing a path there races the location entry's completion).
LOG="$WORK/logs/access.log"
want explain && mkdir -p "$WORK/logs" "$WORK/data" && python3 - "$LOG" "$WORK/data/recently-used.xbel" <<'PY'
import random, sys
random.seed(12)
paths = ["/", "/api/orders", "/api/cart", "/login", "/static/app.js", "/search?q=teapot", "/api/users/42"]
with open(sys.argv[1], "w") as out:
    for minute in range(24 * 60):
        hour = minute // 60
        # Quiet nights, busy days, and a bad deploy at 14:00 answered with 502s and 503s.
        busy = 2 + (10 if 8 <= hour < 20 else 0) + (4 if 11 <= hour < 15 else 0) + random.randint(0, 3)
        weights = {200: 80, 304: 8, 301: 2, 404: 4, 401: 1, 429: 1, 499: 1, 500: 0.3, 502: 0.2, 503: 0.2}
        if 14 <= hour < 15:
            weights.update({502: 25, 503: 12, 499: 6})
        for second in sorted(random.sample(range(60), busy)):
            code = random.choices(list(weights), list(weights.values()))[0]
            out.write('203.0.113.%d - - [01/Mar/2024:%02d:%02d:%02d +0000] "GET %s HTTP/1.1" %d %d "-" "Mozilla/5.0"\n'
                      % (random.randint(1, 250), hour, minute % 60, second, random.choice(paths), code,
                         random.randint(200, 9000)))
stamp = "2024-03-01T10:00:00.000000Z"
with open(sys.argv[2], "w") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<xbel version="1.0" xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks"'
              ' xmlns:mime="http://www.freedesktop.org/standards/shared-mime-info">\n'
              '<bookmark href="file://%s" added="%s" modified="%s" visited="%s"><info>'
              '<metadata owner="http://freedesktop.org"><mime:mime-type type="text/plain"/>'
              '<bookmark:applications><bookmark:application name="teapot" exec="teapot" modified="%s" count="1"/>'
              '</bookmark:applications></metadata></info></bookmark>\n</xbel>\n'
              % (sys.argv[1], stamp, stamp, stamp, stamp))
PY

want explain && for scheme in light dark; do
  start "prefer-$scheme"
  resize 1100 760
  xdotool key alt+e
  settle
  xdotool key ctrl+o
  # The file chooser is a window of its own, and no window manager gives it the keyboard.
  DIALOG=$(xdotool search --sync --onlyvisible --name '^Open a Log$' | head -n 1)
  xdotool windowfocus --sync "$DIALOG"
  settle
  xdotool key Down Return
  sleep 2
  xdotool windowfocus --sync "$WINDOW"
  settle
  shoot "explain-$scheme"
  resize 360 720
  sleep 1                   # the rows wrap anew
  shoot "explain-narrow-$scheme"
  stop
done
