#!/usr/bin/env bash
# Wirewatch attack lab: builds hosts in network namespaces, runs real benign and attack tools against each other,
# captures on the bridge and writes <scenario>.pcap + <scenario>.truth.json per scenario.
# Safety: see README.md ("Safety measures"). Everything lives in namespaces named ww-lab-*, addresses 10.77.0.x,
# no default route anywhere, nothing touches the root namespace's interfaces, every tool runs under `timeout`.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/out"
SCENARIOS="ci"
CHECK_ONLY=0
SEED=7

usage() {
  cat <<EOF
usage: $0 [--out DIR] [--scenarios ci|all|demo|NAME[,NAME…]] [--seed N] [--check] [--list]
  --out DIR        where <scenario>.pcap / .truth.json / logs go (default: e2e/lab/out)
  --scenarios SET  ci (small, a few minutes), all (every scenario), demo, or a comma list of names
  --seed N         seed for the benign activity and the tunnel names (default 7)
  --check          verify prerequisites, print the apt-get line for what is missing, exit
  --list           print scenario names and exit
Needs root (network namespaces, raw sockets).
EOF
}

# ---------------------------------------------------------------- scenarios
ALL_SCENARIOS=(benign_1 benign_2 benign_3 benign_long scan_syn scan_connect scan_udp scan_slow sweep masscan
  syn_flood syn_flood_spoofed udp_flood udp_flood_spoofed icmp_flood icmp_flood_spoofed
  fin_flood rst_flood pshack_flood brute_force slowloris dns_tunnel arp_spoof demo)
CI_SCENARIOS=(benign_1 scan_syn sweep syn_flood_spoofed brute_force dns_tunnel arp_spoof)

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --check) CHECK_ONLY=1; shift ;;
    --list) printf '%s\n' "${ALL_SCENARIOS[@]}"; exit 0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------- prerequisites
# command -> Debian 12 package
declare -A PKG=(
  [ip]=iproute2 [tcpdump]=tcpdump [nmap]=nmap [masscan]=masscan [hping3]=hping3 [hydra]=hydra
  [slowhttptest]=slowhttptest [arpspoof]=dsniff [nginx]=nginx [sshd]=openssh-server [ssh]=openssh-client
  [ssh-keygen]=openssh-client [sshpass]=sshpass [dnsmasq]=dnsmasq [iperf3]=iperf3 [curl]=curl [dig]=dnsutils
  [ethtool]=ethtool [openssl]=openssl [node]=nodejs [unshare]=util-linux [timeout]=coreutils [jq]=jq [awk]=gawk
)
check_prereqs() {
  local missing=() c
  for c in "${!PKG[@]}"; do
    if ! command -v "$c" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$c" ]]; then missing+=("${PKG[$c]}"); fi
  done
  local ok=1
  if [[ ${#missing[@]} -gt 0 ]]; then
    ok=0
    echo "missing tools. Install with:" >&2
    echo "  DEBIAN_FRONTEND=noninteractive apt-get install -y $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
  fi
  if [[ $EUID -ne 0 ]]; then ok=0; echo "must run as root (network namespaces, raw sockets)" >&2; fi
  if ! ip netns list >/dev/null 2>&1; then ok=0; echo "'ip netns' does not work here" >&2; fi
  if ip netns list 2>/dev/null | grep -q '^ww-lab-'; then
    ok=0; echo "namespaces ww-lab-* already exist (another lab run?); delete them with: ip netns del NAME" >&2
  fi
  [[ $ok -eq 1 ]]
}
export PATH="$PATH:/usr/sbin:/sbin"
if [[ $CHECK_ONLY -eq 1 ]]; then
  if check_prereqs; then echo "lab prerequisites OK"; exit 0; else exit 1; fi
fi
check_prereqs

case "$SCENARIOS" in
  ci) RUN=("${CI_SCENARIOS[@]}") ;;
  all) RUN=("${ALL_SCENARIOS[@]}") ;;
  *) IFS=',' read -r -a RUN <<<"$SCENARIOS" ;;
esac
for s in "${RUN[@]}"; do
  [[ " ${ALL_SCENARIOS[*]} " == *" $s "* ]] || { echo "unknown scenario: $s (see --list)" >&2; exit 2; }
done

# ---------------------------------------------------------------- topology constants
NET=10.77.0
SRV=$NET.10
CLIENTS=($NET.21 $NET.22 $NET.23)
ATK=$NET.66
NS_BR=ww-lab-br
NS_SRV=ww-lab-srv
NS_CLI=(ww-lab-c1 ww-lab-c2 ww-lab-c3)
NS_ATK=ww-lab-atk
LAB_USER=wwlab
LAB_PASS=wirewatch-lab
TUNNEL_DOMAIN=tun.lab.test

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TMP="$(mktemp -d /tmp/ww-lab.XXXXXX)"
chmod 755 "$TMP"
LOG="$OUT/logs"
mkdir -p "$LOG"

CREATED_NS=()
PIDS=()         # every background process this script started (killed by PID in cleanup)

log() { printf '[lab %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%3N; }

# run a command inside a namespace in the background; its PID goes to $BG_PID and PIDS
bg_in() {
  local ns="$1"; shift
  ip netns exec "$ns" "$@" &
  BG_PID=$!
  PIDS+=("$BG_PID")
}

stop_pid() {
  local pid="$1"
  # only our own children: a PID that ended and was reused by someone else is never signalled
  if kill -0 "$pid" 2>/dev/null && [[ "$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$$" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

CLEANED=0
PARTIAL=""
cleanup() {
  local rc=$?
  [[ $CLEANED -eq 1 ]] && return
  CLEANED=1
  trap - EXIT
  trap "" INT TERM   # a second Ctrl+C must not cut the cleanup short
  log "cleaning up"
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[$i]}"; done
  if [[ -n "$PARTIAL" ]]; then rm -f "$PARTIAL"; log "removed the unfinished capture $PARTIAL"; fi
  for ((i = ${#CREATED_NS[@]} - 1; i >= 0; i--)); do ip netns del "${CREATED_NS[$i]}" 2>/dev/null || true; done
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------- topology
mkns() {
  ip netns add "$1"
  CREATED_NS+=("$1")
  ip -n "$1" link set lo up
}

# host namespace $1 with address $2, attached to the bridge through port $3 (link names live only in namespaces)
attach() {
  local ns="$1" addr="$2" port="$3"
  ip -n "$NS_BR" link add "$port" type veth peer name eth0 netns "$ns"
  ip -n "$NS_BR" link set "$port" master br0
  # no TSO/GSO/GRO so the capture holds wire-sized frames, as on a real LAN
  ip netns exec "$NS_BR" ethtool -K "$port" tso off gso off gro off tx off >/dev/null 2>&1 || true
  ip netns exec "$ns" ethtool -K eth0 tso off gso off gro off tx off >/dev/null 2>&1 || true
  ip -n "$NS_BR" link set "$port" up
  ip -n "$ns" addr add "$addr/24" dev eth0
  ip -n "$ns" link set eth0 up
}

build_topology() {
  log "building namespaces"
  mkns "$NS_BR"
  ip -n "$NS_BR" link add br0 type bridge stp_state 0 forward_delay 0
  ip -n "$NS_BR" link set br0 up
  mkns "$NS_SRV"; attach "$NS_SRV" "$SRV" p-srv
  local i
  for i in 0 1 2; do mkns "${NS_CLI[$i]}"; attach "${NS_CLI[$i]}" "${CLIENTS[$i]}" "p-c$((i + 1))"; done
  mkns "$NS_ATK"; attach "$NS_ATK" "$ATK" p-atk
  # safety assertions: no default route, only 10.77 addresses, bridge has no address
  local ns
  for ns in "${CREATED_NS[@]}"; do
    if [[ -n "$(ip -n "$ns" route show default)" || -n "$(ip -n "$ns" -6 route show default)" ]]; then
      echo "safety: default route in $ns" >&2; exit 1
    fi
    if ip -n "$ns" -4 -o addr show | awk '{print $4}' | grep -v -E '^(127\.0\.0\.1/8|10\.77\.[0-9]+\.[0-9]+/24)$' | grep -q .; then
      echo "safety: unexpected address in $ns" >&2; exit 1
    fi
    ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=0 net.ipv6.conf.all.disable_ipv6=1
  done
  if [[ -n "$(ip -n "$NS_BR" -4 addr show br0 | grep inet || true)" ]]; then echo "safety: br0 has an address" >&2; exit 1; fi
  # let the bridge forward at once
  sleep 0.5
}

# ---------------------------------------------------------------- services on the server
start_services() {
  log "starting nginx, sshd, dnsmasq, iperf3 in $NS_SRV"
  # nginx: own config, pid, logs, temp paths
  mkdir -p "$TMP/www" "$TMP/nginx"
  echo '<html><body><h1>lab</h1><a href="/about.html">about</a></body></html>' >"$TMP/www/index.html"
  echo '<html><body><p>about the lab</p></body></html>' >"$TMP/www/about.html"
  head -c 200000 /dev/zero | tr '\0' 'w' >"$TMP/www/big.txt"
  chmod -R a+rX "$TMP/www"
  cat >"$TMP/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
user nobody nogroup;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 2048; }
http {
  access_log $TMP/nginx/access.log;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  client_header_timeout 60s;
  server { listen $SRV:80; root $TMP/www; }
}
EOF
  bg_in "$NS_SRV" timeout 7200 nginx -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx"
  NGINX_PID=$BG_PID

  # sshd: own config and host key; the test user exists only in a private mount namespace (bind-mounted
  # copies of /etc/passwd, /etc/shadow, /etc/group), so the machine's user database is not touched.
  mkdir -p "$TMP/ssh" "$TMP/home"
  ssh-keygen -q -t ed25519 -N '' -f "$TMP/ssh/host_ed25519" >/dev/null
  local hash
  hash="$(openssl passwd -6 -salt wwlabsal "$LAB_PASS")"
  cp /etc/passwd "$TMP/ssh/passwd"; cp /etc/group "$TMP/ssh/group"; cp /etc/shadow "$TMP/ssh/shadow"
  echo "$LAB_USER:x:64077:64077:wirewatch lab:$TMP/home:/bin/sh" >>"$TMP/ssh/passwd"
  echo "$LAB_USER:x:64077:" >>"$TMP/ssh/group"
  echo "$LAB_USER:$hash:19000:0:99999:7:::" >>"$TMP/ssh/shadow"
  chmod 644 "$TMP/ssh/passwd" "$TMP/ssh/group"; chmod 600 "$TMP/ssh/shadow"
  chown 64077:64077 "$TMP/home"
  cat >"$TMP/ssh/sshd_config" <<EOF
ListenAddress $SRV
Port 22
HostKey $TMP/ssh/host_ed25519
PidFile $TMP/ssh/sshd.pid
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin no
AllowUsers $LAB_USER
StrictModes no
MaxStartups 100:30:200
MaxAuthTries 6
LoginGraceTime 20
UseDNS no
Subsystem sftp internal-sftp
EOF
  # /run is a fresh tmpfs in that mount namespace too, so sshd's /run/sshd is not created on the machine
  bg_in "$NS_SRV" timeout 7200 unshare -m --propagation private sh -c "
    mount -t tmpfs -o mode=755 ww-lab-run /run && mkdir -m 755 /run/sshd && mount --bind '$TMP/ssh/passwd' /etc/passwd && mount --bind '$TMP/ssh/shadow' /etc/shadow &&
    mount --bind '$TMP/ssh/group' /etc/group && exec /usr/sbin/sshd -D -e -f '$TMP/ssh/sshd_config'" \
    2>"$LOG/sshd.log"
  SSHD_PID=$BG_PID

  # dnsmasq: no config file, no upstream, only the local zone lab.test and a wildcard tunnel domain
  bg_in "$NS_SRV" timeout 7200 dnsmasq --conf-file=/dev/null --keep-in-foreground --no-resolv --no-hosts \
    --no-poll --bind-interfaces --listen-address="$SRV" --port=53 --pid-file="$TMP/dnsmasq.pid" \
    --log-facility="$TMP/dnsmasq.log" --local=/lab.test/ --domain=lab.test \
    --host-record=www.lab.test,$SRV --host-record=ssh.lab.test,$SRV --host-record=files.lab.test,$SRV \
    --host-record=c1.lab.test,${CLIENTS[0]} --host-record=c2.lab.test,${CLIENTS[1]} \
    --host-record=c3.lab.test,${CLIENTS[2]} --txt-record=lab.test,"v=lab" --mx-host=lab.test,mail.lab.test \
    --address=/$TUNNEL_DOMAIN/$NET.53 --cache-size=0
  DNS_PID=$BG_PID

  bg_in "$NS_SRV" timeout 7200 iperf3 -s -B "$SRV" -p 5201 >"$LOG/iperf3-server.log" 2>&1
  IPERF_PID=$BG_PID

  # wait until every service answers
  local i
  for i in $(seq 1 50); do
    if ip netns exec "${NS_CLI[0]}" timeout 2 curl -s -o /dev/null "http://$SRV/" &&
      ip netns exec "${NS_CLI[0]}" timeout 2 dig +short +time=1 +tries=1 "@$SRV" www.lab.test | grep -q . &&
      ip netns exec "${NS_CLI[0]}" timeout 2 bash -c "exec 3<>/dev/tcp/$SRV/22" 2>/dev/null; then
      log "services up"; return 0
    fi
    sleep 0.2
  done
  echo "services did not come up; see $LOG/sshd.log and $TMP" >&2
  exit 1
}

# ---------------------------------------------------------------- benign activity
# One bounded loop per client: curl pages, dig names, an ssh session, pings, optionally an iperf3 transfer.
# Bounded by a count (ROUNDS) and a time limit (timeout DUR). Seeded: sleeps and choices come from RANDOM=seed.
BENIGN_PIDS=()
start_benign() {
  local dur="$1" seed="$2" bulk="$3"   # bulk: iperf3 bitrate ("" = no iperf3, and no 200 kB page either)
  local pages="/ /about.html /big.txt /missing.html"
  [[ -z "$bulk" ]] && pages="/ /about.html / /missing.html"
  BENIGN_PIDS=()
  local i
  for i in 0 1 2; do
    local ns="${NS_CLI[$i]}" s=$((seed * 10 + i))
    local script="
      RANDOM=$s
      names=(www.lab.test ssh.lab.test files.lab.test c1.lab.test c2.lab.test lab.test)
      pages=($pages)
      for r in \$(seq 1 $dur); do
        case \$((RANDOM % 8)) in
          0|1) timeout 5 curl -s -o /dev/null http://$SRV\${pages[RANDOM % 4]} ;;
          2) t=A; ((RANDOM % 3 == 0)) && t=MX; timeout 5 dig +time=1 +tries=1 @$SRV \${names[RANDOM % 6]} \$t >/dev/null ;;
          3) timeout 3 ping -c 2 -i 0.3 -W 1 $SRV >/dev/null ;;
          4) timeout 5 curl -s -o /dev/null http://www.lab.test/ --resolve www.lab.test:80:$SRV ;;
          5) timeout 5 dig +time=1 +tries=1 @$SRV -x $SRV >/dev/null ;;
          6) timeout 8 curl -s --parallel --parallel-max 4 -o /dev/null -o /dev/null -o /dev/null -o /dev/null \
               http://$SRV/ http://$SRV/about.html http://$SRV/missing.html http://$SRV/\${pages[RANDOM % 4]} ;;
          7) timeout 5 dig +time=1 +tries=1 @$SRV www.lab.test ssh.lab.test MX lab.test TXT c\$((RANDOM % 3 + 1)).lab.test >/dev/null ;;
        esac
        sleep 0.\$((RANDOM % 9 + 1))
      done"
    bg_in "$ns" timeout "$dur" bash -c "$script" >/dev/null 2>&1
    BENIGN_PIDS+=("$BG_PID")
  done
  # two ssh sessions with the right password, running commands; repeated every 45 s in long captures
  local ssh_opts="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=5 -o LogLevel=ERROR"
  local ssh_rounds=$(((dur + 44) / 45)) bulk_rounds=$(((dur + 89) / 90))
  bg_in "${NS_CLI[0]}" timeout "$dur" bash -c "
    for r in \$(seq 1 $ssh_rounds); do
      sleep 1; timeout 15 sshpass -p '$LAB_PASS' ssh $ssh_opts $LAB_USER@$SRV 'uname -a; ls -la; sleep 2; cat /etc/hostname; echo done'
      sleep 3; timeout 15 sshpass -p '$LAB_PASS' ssh $ssh_opts $LAB_USER@$SRV 'for i in 1 2 3; do date; sleep 1; done'
      sleep 34
    done" >>"$LOG/ssh-benign.log" 2>&1
  BENIGN_PIDS+=("$BG_PID")
  if [[ -n "$bulk" ]]; then
    # a bulk transfer every 90 s (one in short captures)
    bg_in "${NS_CLI[1]}" timeout "$dur" bash -c "
      for r in \$(seq 1 $bulk_rounds); do sleep 2; timeout 12 iperf3 -c $SRV -p 5201 -t 5 -b $bulk; sleep 80; done" >/dev/null 2>&1
    BENIGN_PIDS+=("$BG_PID")
  fi
}
stop_benign() {
  local p
  for p in "${BENIGN_PIDS[@]}"; do stop_pid "$p"; done
  BENIGN_PIDS=()
}

# ---------------------------------------------------------------- attacks
json_str() { jq -Rn --arg s "$1" '$s'; }
ATTACKS_JSON=()
# run_attack KIND TOOL ATTACKERS(csv) VICTIM|null LIMIT_SECONDS ns cmd...
run_attack() {
  local kind="$1" tool="$2" attackers="$3" victim="$4" limit="$5" ns="$6"; shift 6
  local cmd="$*" start end
  log "  attack $kind: $cmd"
  start="$(now)"
  bg_in "$ns" timeout -k 10 "$limit" "$@" >>"$LOG/$CUR/$tool.log" 2>&1
  local pid=$BG_PID rc=0
  wait "$pid" || rc=$?
  end="$(now)"
  # 124: stopped by its time limit (arpspoof, by design); hping3 exits 1 when nothing answered (spoofed floods)
  [[ $rc -eq 0 || $rc -eq 124 || ($tool == hping3 && $rc -eq 1) ]] || log "  ($tool exited $rc, see $LOG/$CUR/$tool.log)"
  local victim_json=null
  [[ "$victim" != null ]] && victim_json="$(json_str "$victim")"
  ATTACKS_JSON+=("$(jq -cn --arg kind "$kind" --arg tool "$tool" --arg command "timeout -k 10 $limit $cmd" \
    --arg attackers "$attackers" --argjson victim "$victim_json" --argjson t0 "$start" --argjson t1 "$end" \
    --arg ns "$ns" --argjson spoofed "$([[ "$cmd" == *--rand-source* ]] && echo true || echo false)" '{kind: $kind, tool: $tool, command: $command, attackers: ($attackers | split(",")),
      victim: $victim, start: $t0, end: $t1, spoofed_sources: $spoofed, namespace: $ns}')")
}

tunnel_names() {   # N long pseudo-random labels (seeded) under the tunnel domain, one query per line for dig -f
  local n="$1" seed="$2"
  awk -v n="$n" -v seed="$seed" -v dom="$TUNNEL_DOMAIN" -v srv="$SRV" 'BEGIN {
    srand(seed); a = "abcdefghijklmnopqrstuvwxyz234567";
    for (i = 1; i <= n; i++) {
      l1 = ""; for (k = 0; k < 52; k++) l1 = l1 substr(a, int(rand() * 32) + 1, 1);
      l2 = ""; for (k = 0; k < 30; k++) l2 = l2 substr(a, int(rand() * 32) + 1, 1);
      printf "@%s +time=1 +tries=1 %s %s.%s.%d.%s\n", srv, (i % 2 ? "TXT" : "A"), l1, l2, i, dom
    } }'
}

HP="hping3 -q"
attack_scenario() {
  local name="$1"
  local v="$SRV" a="$ATK" A="$NS_ATK"
  case "$name" in
    scan_syn) run_attack port_scan nmap "$a" "$v" 120 "$A" nmap -n -Pn -sS -r -p 1-1000 --max-retries 1 "$v" ;;
    scan_connect) run_attack port_scan nmap "$a" "$v" 120 "$A" nmap -n -Pn -sT -r -p 1-1000 --max-retries 1 "$v" ;;
    scan_udp) run_attack port_scan nmap "$a" "$v" 120 "$A" nmap -n -Pn -sU -r --top-ports 30 --max-retries 1 --host-timeout 100s "$v" ;;
    scan_slow) run_attack port_scan nmap "$a" "$v" 90 "$A" nmap -n -Pn -sS -T2 -r -p 1-100,110,135,139,143,443,445,993,995,1433,3306,3389,5432,5900,8080 "$v" ;;
    sweep) run_attack host_sweep nmap "$a" null 60 "$A" nmap -n -sn "$NET.1-254" ;;
    masscan)
      local amac smac
      amac="$(ip -n "$A" link show eth0 | awk '/link\/ether/ {print $2}')"
      smac="$(ip -n "$NS_SRV" link show eth0 | awk '/link\/ether/ {print $2}')"
      # masscan 1.3 often never leaves its end-of-scan wait inside a namespace ("waiting -N secs"), so its time limit
      # (2000 ports at 400/s = 5 s, + 2 s wait) is what ends it
      run_attack port_scan masscan "$a" "$v" 12 "$A" masscan "$v" -p1-2000 --rate 400 --seed 42 --wait 2 \
        --adapter eth0 --adapter-ip "$a" --adapter-mac "$amac" --router-mac "$smac" ;;
    syn_flood) run_attack syn_flood hping3 "$a" "$v" 30 "$A" $HP -S -p 80 -i u500 -c 6000 "$v" ;;
    syn_flood_spoofed) run_attack syn_flood hping3 "$a" "$v" 30 "$A" $HP -S -p 80 -i u500 -c 6000 --rand-source "$v" ;;
    udp_flood) run_attack udp_flood hping3 "$a" "$v" 30 "$A" $HP --udp -p 9999 -d 256 -i u500 -c 6000 "$v" ;;
    udp_flood_spoofed) run_attack udp_flood hping3 "$a" "$v" 30 "$A" $HP --udp -p 9999 -d 256 -i u500 -c 6000 --rand-source "$v" ;;
    icmp_flood) run_attack icmp_flood hping3 "$a" "$v" 30 "$A" $HP --icmp -d 64 -i u500 -c 6000 "$v" ;;
    icmp_flood_spoofed) run_attack icmp_flood hping3 "$a" "$v" 30 "$A" $HP --icmp -d 64 -i u500 -c 6000 --rand-source "$v" ;;
    fin_flood) run_attack tcp_flag_flood hping3 "$a" "$v" 30 "$A" $HP -F -p 80 -i u500 -c 6000 "$v" ;;
    rst_flood) run_attack tcp_flag_flood hping3 "$a" "$v" 30 "$A" $HP -R -p 80 -i u500 -c 6000 "$v" ;;
    pshack_flood) run_attack tcp_flag_flood hping3 "$a" "$v" 30 "$A" $HP -P -A -p 80 -i u500 -c 6000 "$v" ;;
    brute_force)
      # fixed wordlist of 60 wrong passwords; the right one is absent so hydra tries them all
      awk 'BEGIN { for (i = 1; i <= 60; i++) printf "guess%03d\n", i }' >"$TMP/words.txt"
      printf '%s\n' 123456 password admin root letmein qwerty >>"$TMP/words.txt"
      run_attack brute_force hydra "$a" "$v" 120 "$A" hydra -I -l "$LAB_USER" -P "$TMP/words.txt" -t 4 -w 10 -f "ssh://$v" ;;
    slowloris) run_attack slow_dos slowhttptest "$a" "$v" 60 "$A" slowhttptest -H -c 200 -r 50 -i 10 -l 30 -s 8192 -t GET -u "http://$v/" -x 24 -p 3 ;;
    dns_tunnel)
      tunnel_names 400 "$SEED" >"$TMP/tunnel.txt"
      run_attack dns_tunnel dig "$a" "$v" 60 "$A" bash "$HERE/dig-bursts.sh" "$TMP/tunnel.txt" 50 1 ;;
    arp_spoof) run_attack arp_spoof arpspoof "$a" "${CLIENTS[0]}" 15 "$A" arpspoof -i eth0 -t "${CLIENTS[0]}" "$v" ;;
    demo)
      run_attack port_scan nmap "$a" "$v" 120 "$A" nmap -n -Pn -sS -r -p 1-1000 --max-retries 1 "$v"
      sleep 3
      awk 'BEGIN { for (i = 1; i <= 60; i++) printf "guess%03d\n", i }' >"$TMP/words-demo.txt"
      run_attack brute_force hydra "$a" "$v" 90 "$A" hydra -I -l "$LAB_USER" -P "$TMP/words-demo.txt" -t 4 -w 10 -f "ssh://$v"
      sleep 3
      tunnel_names 200 "$SEED" >"$TMP/tunnel-demo.txt"
      run_attack dns_tunnel dig "$a" "$v" 60 "$A" bash "$HERE/dig-bursts.sh" "$TMP/tunnel-demo.txt" 50 1 ;;
    *) echo "no attack for $name" >&2; exit 1 ;;
  esac
}

# exact number of records in a classic pcap file (tcpdump's text output wraps some packets over two lines)
pcap_count() {
  node -e '
    const b = require("node:fs").readFileSync(process.argv[1]);
    const le = b.readUInt32LE(0) === 0xa1b2c3d4 || b.readUInt32LE(0) === 0xa1b23c4d;
    let n = 0;
    for (let o = 24; o + 16 <= b.length; n++) o += 16 + (le ? b.readUInt32LE(o + 8) : b.readUInt32BE(o + 8));
    console.log(n);' "$1"
}

# ---------------------------------------------------------------- one scenario
CUR=""
run_scenario() {
  local name="$1" benign=false dur seed bulk="8M"
  CUR="$name"
  mkdir -p "$LOG/$name"
  ATTACKS_JSON=()
  case "$name" in
    benign_1) benign=true; dur=30; seed=$((SEED + 1)) ;;
    benign_2) benign=true; dur=45; seed=$((SEED + 2)) ;;
    benign_3) benign=true; dur=30; seed=$((SEED + 3)); bulk="" ;;
    benign_long) benign=true; dur=360; seed=$((SEED + 5)) ;;
    demo) seed=$((SEED + 9)); bulk="" ; dur=240 ;;
    *) seed=$((SEED + 4)); dur=180 ;;
  esac
  local t0
  t0="$(date +%s)"
  log "scenario $name"
  local n
  for n in "${CREATED_NS[@]}"; do ip -n "$n" neigh flush all 2>/dev/null || true; done
  local pcap="$OUT/$name.pcap"
  rm -f "$pcap" "$OUT/$name.truth.json"
  PARTIAL="$pcap"   # removed by cleanup if the run stops before this scenario's truth is written
  bg_in "$NS_BR" timeout $((dur + 60)) tcpdump -Z root -i br0 -s 0 -U -n -w "$pcap" 2>"$LOG/$name/tcpdump.log"
  local tcpdump_pid=$BG_PID i
  for i in $(seq 1 50); do grep -q listening "$LOG/$name/tcpdump.log" 2>/dev/null && break; sleep 0.1; done
  local started
  started="$(now)"
  start_benign "$dur" "$seed" "$bulk"
  if [[ $benign == true ]]; then
    # benign-only: let the bounded loops run their course (they end by count or by timeout DUR)
    for i in "${BENIGN_PIDS[@]}"; do wait "$i" 2>/dev/null || true; done
  else
    sleep 4
    attack_scenario "$name"
    sleep 3
    stop_benign
  fi
  stop_benign
  sleep 1
  stop_pid "$tcpdump_pid"
  local ended
  ended="$(now)"
  local attacks="[]"
  [[ ${#ATTACKS_JSON[@]} -gt 0 ]] && attacks="$(printf '%s\n' "${ATTACKS_JSON[@]}" | jq -s .)"
  jq -n --arg scenario "$name" --argjson benign "$benign" --argjson attacks "$attacks" \
    --argjson t0 "$started" --argjson t1 "$ended" --argjson seed "$seed" \
    --arg server "$SRV" --arg attacker "$ATK" --arg net "$NET.0/24" \
    --argjson clients "$(printf '%s\n' "${CLIENTS[@]}" | jq -R . | jq -s .)" \
    '{scenario: $scenario, benign: $benign, attacks: $attacks, capture: {start: $t0, end: $t1},
      seed: $seed, hosts: {network: $net, server: $server, clients: $clients, attacker: $attacker}}' \
    >"$OUT/$name.truth.json"
  PARTIAL=""
  local count
  count="$(pcap_count "$pcap")"
  log "  $name: $count packets, $(($(date +%s) - t0)) s"
  printf '%s\t%s\t%s\n' "$name" "$count" "$(($(date +%s) - t0))" >>"$OUT/summary.tsv"
}

# ---------------------------------------------------------------- main
T_START="$(date +%s)"
cd "$TMP"   # tools that drop files in the working directory (hydra.restore) drop them here
: >"$OUT/summary.tsv"
build_topology
start_services
for s in "${RUN[@]}"; do run_scenario "$s"; done
log "done: ${#RUN[@]} scenarios in $(($(date +%s) - T_START)) s; captures in $OUT"
column -t "$OUT/summary.tsv" >&2 || cat "$OUT/summary.tsv" >&2
