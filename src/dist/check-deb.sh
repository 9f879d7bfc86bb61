#!/usr/bin/env bash
# Tries the Linux package as a new user would, on this machine (needs root, Xvfb and xwininfo):
# installs target/dist/bias-inspector_*.deb, runs the launcher from the PATH with no JDK on it,
# checks the desktop entry and the file associations, starts the app from its menu entry and from
# the terminal, opens a file the way a file manager's double-click does (gio open: the MIME default,
# the entry's Exec line) and checks it reaches the running window (single instance), then
# uninstalls and checks that nothing is left.
#
#   mvn -B -Pdist package -DskipTests && sudo bash src/dist/check-deb.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
deb=$(ls target/dist/bias-inspector_*.deb | head -1)
fail() { echo "FAILED: $*"; exit 1; }
echo "package: $deb ($(du -h "$deb" | cut -f1))"
command -v gio >/dev/null || apt-get install -y -q libglib2.0-bin >/dev/null 2>&1 || fail "installing gio"
apt-get install -y -q "./$deb" >/dev/null 2>&1 || fail "apt-get install"
home=$(mktemp -d)
env -i HOME="$home" PATH=/usr/bin:/bin bias-inspector list "$repo/models/simple_net.pt" | grep -q '^fc1.bias' \
  || fail "bias-inspector list from the PATH"
desktop=$(dpkg -L bias-inspector | grep '\.desktop$' | head -1)
desktop-file-validate "$desktop" >/dev/null || fail "desktop entry $desktop"
for ext in pt pth safetensors gguf onnx params; do
  touch "$home/a.$ext"
  app=$(xdg-mime query default "$(xdg-mime query filetype "$home/a.$ext")")
  [ "$app" = "$(basename "$desktop")" ] || fail ".$ext opens with '$app'"
done
ls /opt/bias-inspector/lib/app/*.jsa >/dev/null || fail "no class-data archive written at install"
menu=/usr/share/applications/$(basename "$desktop")
[ -f "$menu" ] || fail "no menu entry $menu"
cat >"$home/window.sh" <<'INNER'
cd "$1"
title() { xwininfo -root -tree 2>/dev/null | grep -q "\"$1 — Bias Inspector\""; }
await() { for _ in $(seq 120); do title "$1" && return 0; sleep 0.25; done; echo "FAILED: $2"; exit 1; }
# The menu entry, as a desktop's menu starts it (its Exec line, no file): the demo opens.
gio launch "$2" >/dev/null 2>&1 &
await "simple_net.pt (demo)" "the menu entry did not open the window on the demo"
# A double-click in a file manager: the MIME default for .pt, run with the file.
cp models/simple_net_trained.pt "$HOME/double-clicked.pt"
gio open "$HOME/double-clicked.pt" || { echo "FAILED: gio open"; exit 1; }
await double-clicked.pt "the running window did not open the double-clicked file"
[ "$(pgrep -c -f dev.biasinspector.Main)" = 1 ] || { echo "FAILED: a second app started"; exit 1; }
# From the terminal, a file on the command line: handed to the running window too.
bias-inspector models/simple_net.pt >/dev/null 2>&1 || { echo "FAILED: second start"; exit 1; }
await simple_net.pt "the running window did not open the file given on the command line"
[ "$(pgrep -c -f dev.biasinspector.Main)" = 1 ] || { echo "FAILED: a second app started"; exit 1; }
pkill -f dev.biasinspector.Main
INNER
HOME="$home" xvfb-run -a -s "-screen 0 1280x800x24" bash "$home/window.sh" "$repo" "$menu" || fail "window"
dpkg -P bias-inspector >/dev/null 2>&1 || fail "dpkg -P"
[ ! -e /opt/bias-inspector ] && [ ! -e /usr/bin/bias-inspector ] && [ ! -e "$desktop" ] && [ ! -e "$menu" ] \
  || fail "files left after removal"
[ -z "$(HOME="$home" xdg-mime query default application/x-pytorch)" ] || fail ".pt still opens with the removed app"
rm -rf "$home"
echo "ok: installed, ran from the PATH, started from the menu entry, a double-clicked .pt and a file from the terminal reached the running window, removed cleanly"
