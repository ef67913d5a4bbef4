"""Memory of the soak's nodes: RSS from /proc, heap from jstat's counters, and the heap after a full GC (see
soak.py)."""
import csv
import subprocess
import threading
import time

from servers import proc_stat


def heap_mib(pid):
    """(used, committed, metaspace used) of a JVM's heap in MiB, from jstat's counters."""
    lines = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True, check=True).stdout.split("\n")
    v = dict(zip(lines[0].split(), map(float, lines[1].split())))
    used = v["S0U"] + v["S1U"] + v["EU"] + v["OU"]
    committed = v["S0C"] + v["S1C"] + v["EC"] + v["OC"]
    return used / 1024, committed / 1024, v["MU"] / 1024


def heap_after_full_gc(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True)
    return heap_mib(pid)[0]


class Sampler(threading.Thread):
    """Every `every` seconds, and when asked, each node's RSS, heap and CPU time as a row of samples.csv."""

    FIELDS = ["t_s", "phase", "node", "pid", "rss_mib", "heap_used_mib", "heap_committed_mib", "metaspace_mib",
              "cpu_s"]

    def __init__(self, path, pids, every):
        super().__init__(daemon=True)
        self.pids, self.every, self.phase, self.began = pids, every, "idle", time.time()
        self.rows, self.lock, self.stopped = [], threading.Lock(), threading.Event()
        self.file = open(path, "w", newline="")
        self.csv = csv.DictWriter(self.file, self.FIELDS)
        self.csv.writeheader()

    def sample(self):
        with self.lock:
            for node, pid in self.pids.items():
                cpu, rss = proc_stat(pid)
                used, committed, meta = heap_mib(pid)
                row = {"t_s": round(time.time() - self.began, 1), "phase": self.phase, "node": node,
                       "pid": pid, "rss_mib": round(rss, 1), "heap_used_mib": round(used, 1),
                       "heap_committed_mib": round(committed, 1), "metaspace_mib": round(meta, 1), "cpu_s": cpu}
                self.rows.append(row)
                self.csv.writerow(row)
            self.file.flush()

    def run(self):
        due = time.time()
        while True:  # on a fixed schedule, however long a sample takes
            due += self.every
            if self.stopped.wait(max(0.0, due - time.time())):
                return
            self.sample()

    def close(self):
        self.stopped.set()
        self.join()
        self.file.close()

    def rss(self, phase, node):
        return [r["rss_mib"] for r in self.rows if r["phase"] == phase and r["node"] == node]
