//! Work split over the machine's cores: a slice cut into one part per core, each part done on a
//! scoped thread, the results in order. A worker that panics is a bug: its panic is carried on
//! to the caller, never turned into missing results.

/// At most this many threads: past it, the parts of the slices here are too small to gain.
const MOST_THREADS: usize = 8;

/// The threads worth starting for `items` things when a part should hold at least
/// `least_per_part` of them: one for small inputs, else the machine's cores (at most eight).
pub fn threads_for(items: usize, least_per_part: usize) -> usize {
    let cores = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(MOST_THREADS);
    cores.min(items / least_per_part.max(1)).max(1)
}

/// `f` applied to consecutive parts of `items` (one per thread, each at least
/// `least_per_part` long unless `items` is shorter), with the index of each part's first
/// item; the results in the order of the parts.
pub fn map_parts<T: Sync, R: Send>(
    items: &[T],
    least_per_part: usize,
    f: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let threads = threads_for(items.len(), least_per_part);
    if threads < 2 {
        return vec![f(0, items)];
    }
    let size = items.len().div_ceil(threads);
    on_threads(items.chunks(size), size, f)
}

/// `f` applied to consecutive parts of `items` in place, as `map_parts` cuts them.
pub fn for_each_part_mut<T: Send>(
    items: &mut [T],
    least_per_part: usize,
    f: impl Fn(usize, &mut [T]) + Sync,
) {
    let threads = threads_for(items.len(), least_per_part);
    if threads < 2 {
        f(0, items);
        return;
    }
    let size = items.len().div_ceil(threads);
    on_threads(items.chunks_mut(size), size, f);
}

/// `f` applied to each part on a thread of its own, with the index of the part's first item
/// (parts are `size` long); the results in the order of the parts.
fn on_threads<P: Send, R: Send>(
    parts: impl Iterator<Item = P>,
    size: usize,
    f: impl Fn(usize, P) -> R + Sync,
) -> Vec<R> {
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .enumerate()
            .map(|(k, part)| scope.spawn(move || f(k * size, part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// `f` applied to every item, on all cores when there are at least `least_per_part` items
/// per core; the results in the order of the items.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    least_per_part: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    map_parts(items, least_per_part, |_, part| {
        part.iter().map(&f).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_the_order_of_the_items() {
        let items: Vec<usize> = (0..1000).collect();
        let doubled = map(&items, 1, |&i| i * 2);
        assert_eq!(doubled, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn parts_know_where_they_start() {
        let items: Vec<usize> = (0..100).collect();
        let starts = map_parts(&items, 1, |start, part| (start, part[0]));
        assert!(starts.iter().all(|&(start, first)| start == first));
        let mut out = vec![0; 100];
        for_each_part_mut(&mut out, 1, |start, part| {
            for (i, x) in part.iter_mut().enumerate() {
                *x = start + i;
            }
        });
        assert_eq!(out, items);
    }

    fn cores() -> usize {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    }

    #[test]
    fn large_inputs_use_every_core_up_to_eight() {
        assert_eq!(threads_for(1000, 1), cores().min(MOST_THREADS));
        // Parts of at least 500 items: two of them at most in 1,000.
        assert_eq!(threads_for(1000, 500), cores().min(2));
    }

    #[test]
    fn each_thread_gets_one_part() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..100).collect();
        let threads = threads_for(items.len(), 50);
        let lengths = map_parts(&items, 50, |_, part| part.len());
        assert_eq!(lengths.len(), threads);
        assert_eq!(lengths.iter().sum::<usize>(), 100);
        let calls = AtomicUsize::new(0);
        let mut out = items.clone();
        for_each_part_mut(&mut out, 50, |_, _| {
            calls.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(calls.into_inner(), threads);
    }

    #[test]
    fn small_inputs_stay_on_one_thread() {
        assert_eq!(threads_for(10, 64), 1);
        assert_eq!(threads_for(0, 0), 1);
    }

    #[test]
    #[should_panic(expected = "worker bug")]
    fn a_worker_panic_reaches_the_caller() {
        let items: Vec<usize> = (0..100).collect();
        map(&items, 1, |&i| assert!(i != 99, "worker bug"));
    }
}
