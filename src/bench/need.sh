# Sourced by the benchmark scripts: `need wrk nginx` installs each command that is missing from Debian's packages
# when run as root, else names the package and exits. /usr/sbin (nginx) is put on PATH.
export PATH="$PATH:/usr/sbin"

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null && continue
        if [ "$(id -u)" != 0 ]; then
            echo "$tool is missing: apt-get install $tool" >&2
            exit 1
        fi
        apt-get install -y -q "$tool" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$tool" >/dev/null; }
    done
}
