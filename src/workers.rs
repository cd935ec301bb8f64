//! How the core runs a batch of independent jobs (parse each spec file, parse each rule's
//! expression, run each lint rule). The core never starts a thread itself — it runs in the
//! browser — so the caller says how: [`InOrder`] runs the jobs one after another (the default, and
//! what the WebAssembly build uses); the CLI passes a pool of threads. Results always come back in
//! job order, so what the core reports never depends on how the jobs were scheduled.

use std::sync::Mutex;

/// Runs a batch of independent jobs.
pub trait Workers: Sync {
    /// Runs `job(i)` once for every `i` in `0..n`, in any order and possibly at the same time;
    /// returns when all have run.
    fn run(&self, n: usize, job: &(dyn Fn(usize) + Sync));
}

/// Runs every job in order on the calling thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct InOrder;

impl Workers for InOrder {
    fn run(&self, n: usize, job: &(dyn Fn(usize) + Sync)) {
        (0..n).for_each(job);
    }
}

/// `f(i)` for every `i` in `0..n`, run by `workers`, collected in index order.
pub fn map<T: Send>(workers: &dyn Workers, n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let slots: Vec<Mutex<Option<T>>> = (0..n).map(|_| Mutex::new(None)).collect();
    workers.run(n, &|i| {
        let value = f(i);
        if let Ok(mut slot) = slots[i].lock() {
            *slot = Some(value);
        }
    });
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                // Only a `Workers` that skips a job gets here: a bug in the caller, not an input.
                panic!("Workers::run did not run job {i} of {n}")
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Runs the jobs in reverse order, to show the results do not depend on the order.
    struct Backwards;
    impl Workers for Backwards {
        fn run(&self, n: usize, job: &(dyn Fn(usize) + Sync)) {
            (0..n).rev().for_each(job);
        }
    }

    #[test]
    fn results_come_back_in_job_order_whatever_the_schedule() {
        let ran = AtomicUsize::new(0);
        let square = |i: usize| {
            ran.fetch_add(1, Ordering::Relaxed);
            i * i
        };
        assert_eq!(map(&InOrder, 5, square), vec![0, 1, 4, 9, 16]);
        assert_eq!(map(&Backwards, 5, square), vec![0, 1, 4, 9, 16]);
        assert_eq!(ran.load(Ordering::Relaxed), 10);
        assert!(map(&InOrder, 0, square).is_empty());
    }
}
