//! The CLI's [`Workers`]: the core's independent jobs (parse each file, each rule's expression,
//! run each lint rule) spread over the machine's cores with scoped threads that take chunks of
//! jobs from a shared counter. `MONCTL_THREADS=N` sets how many threads (1: all on the main
//! thread); the output is the same whatever the number.

use monctl::workers::Workers;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Threads {
    count: usize,
}

impl Threads {
    /// As many threads as the machine has cores, or `MONCTL_THREADS`.
    pub fn from_environment() -> Self {
        let count = std::env::var("MONCTL_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        Threads {
            count: count.min(64),
        }
    }
}

impl Workers for Threads {
    fn run(&self, n: usize, job: &(dyn Fn(usize) + Sync)) {
        let threads = self.count.min(n);
        if threads <= 1 {
            return (0..n).for_each(job);
        }
        // Small chunks keep the threads busy to the end when jobs differ in cost (one lint rule
        // can take far longer than another); large ones keep the counter out of the way.
        let chunk = (n / (threads * 16)).clamp(1, 256);
        let next = AtomicUsize::new(0);
        let work = || loop {
            let start = next.fetch_add(chunk, Ordering::Relaxed);
            if start >= n {
                break;
            }
            (start..(start + chunk).min(n)).for_each(job);
        };
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(work);
            }
            work();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_runs_once_and_results_keep_their_order() {
        let pool = Threads { count: 4 };
        for n in [0, 1, 3, 1000] {
            let squares = monctl::workers::map(&pool, n, |i| i * i);
            assert_eq!(squares, (0..n).map(|i| i * i).collect::<Vec<_>>());
        }
    }
}
