"""A PostgreSQL server of the soak's own, made with the machine's PostgreSQL programs and PostgreSQL's default
settings (autovacuum and fsync on), so the figures do not depend on how the machine's shared server is tuned: a
machine's test server often runs with autovacuum off, where the outbox tables (a row written and deleted for every
token) bloat for the whole run and slow every request down, as no production database would."""
import glob
import os
import shutil
import subprocess

from servers import log


def binaries():
    """The newest PostgreSQL installation's bin directory (Debian: /usr/lib/postgresql/<version>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise SystemExit("PostgreSQL's initdb is not installed: apt-get install postgresql, or set DB_PORT to use a "
                         "running server")
    return os.path.dirname(found[-1])


class OwnPostgres:
    """initdb into `directory` (replacing what an earlier run left), started on `port` over TCP only, stopped by
    close(). As root, runs PostgreSQL's programs as the user postgres (initdb refuses root)."""

    def __init__(self, directory, port):
        self.directory, self.port, self.bin = os.path.abspath(directory), port, binaries()
        self.as_postgres = os.geteuid() == 0

    def _run(self, *command):
        full = (["runuser", "-u", "postgres", "--"] if self.as_postgres else []) + list(command)
        done = subprocess.run(full, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{os.path.basename(command[0])} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def start(self):
        shutil.rmtree(self.directory, ignore_errors=True)
        os.makedirs(self.directory)
        if self.as_postgres:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(os.path.join(self.bin, "initdb"), "-D", self.directory, "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--no-sync")
        self._run(os.path.join(self.bin, "pg_ctl"), "-D", self.directory, "-l",
                  os.path.join(self.directory, "postgres.log"), "-w", "-t", "60", "-o",
                  f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start")
        log(f"own PostgreSQL on port {self.port} (PostgreSQL's defaults) in {self.directory}")

    def close(self):
        if os.path.exists(os.path.join(self.directory, "postmaster.pid")):
            self._run(os.path.join(self.bin, "pg_ctl"), "-D", self.directory, "-m", "fast", "-w", "stop")
