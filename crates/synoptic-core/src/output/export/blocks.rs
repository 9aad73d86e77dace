//! Topics rendered side by side on the machine's cores, written in their order: a topic's
//! block of text or Markdown depends on nothing but the topic.

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// How many blocks past the one being written a worker may start: finished blocks wait in
/// memory until their turn, so one slow block must not let the others pile up.
const AHEAD_PER_WORKER: usize = 2;

/// A block reaches the writer in pieces of about this size: the block being written goes out
/// as it is made, however large it is (one topic of a thousand articles can be 35 MB of JSON).
const PIECE_BYTES: usize = 1 << 18;

/// What a worker sends: a piece of block `i`, or the end of it.
enum Sent {
    Piece(usize, Vec<u8>),
    End(usize, io::Result<()>),
}

/// Render each of `items` with `render`, on up to `workers` threads, and write the blocks to
/// `out` in the order of `items`: the block due is written as it is made, the few after it
/// wait in memory (at most `AHEAD_PER_WORKER` per worker are started). A worker's panic is
/// carried on to the caller; the first error stops the writing.
pub(super) fn write_in_order<T: Sync>(
    items: &[T],
    workers: usize,
    render: impl Fn(&T, &mut dyn Write) -> io::Result<()> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    let workers = workers.clamp(1, items.len().max(1));
    if workers == 1 {
        return items.iter().try_for_each(|item| render(item, out));
    }
    let next = AtomicUsize::new(0);
    let window = Window::new(workers * AHEAD_PER_WORKER);
    let (tx, rx) = mpsc::channel::<Sent>();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let tx = tx.clone();
                let (next, render, window) = (&next, &render, &window);
                scope.spawn(move || {
                    let _closing = CloseOnPanic(window);
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        if !window.wait_for_room(i) {
                            break;
                        }
                        let mut pieces = Pieces::new(i, &tx);
                        let rendered = render(item, &mut pieces).and_then(|()| pieces.flush());
                        if tx.send(Sent::End(i, rendered)).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(tx);
        let written = write_received(&rx, &window, out);
        // Stop the workers early if writing failed: they see the window closed.
        window.close();
        drop(rx);
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
        written
    })
}

/// A worker's output for block `i`, sent to the writer a piece at a time.
struct Pieces<'t> {
    i: usize,
    tx: &'t mpsc::Sender<Sent>,
    buf: Vec<u8>,
}

impl<'t> Pieces<'t> {
    fn new(i: usize, tx: &'t mpsc::Sender<Sent>) -> Self {
        Pieces {
            i,
            tx,
            buf: Vec::new(),
        }
    }
}

impl Write for Pieces<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= PIECE_BYTES {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = std::mem::take(&mut self.buf);
        self.tx
            .send(Sent::Piece(self.i, piece))
            .map_err(|_| io::Error::other("the writer has stopped"))
    }
}

/// Closes the window if its worker panics, so that the others stop instead of waiting for a
/// block that will never come; the panic then reaches the caller.
struct CloseOnPanic<'w>(&'w Window);

impl Drop for CloseOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.close();
        }
    }
}

/// How far the writing has got, so that workers start no block too far ahead of it.
struct Window {
    /// The number of blocks written, or `None` once writing has stopped.
    written: Mutex<Option<usize>>,
    moved: Condvar,
    size: usize,
}

impl Window {
    fn new(size: usize) -> Self {
        Window {
            written: Mutex::new(Some(0)),
            moved: Condvar::new(),
            size,
        }
    }

    /// Wait until block `i` is within the window; `false` if writing has stopped.
    fn wait_for_room(&self, i: usize) -> bool {
        let mut written = self.lock();
        loop {
            match *written {
                None => return false,
                Some(w) if i < w + self.size => return true,
                Some(_) => {
                    written = self
                        .moved
                        .wait(written)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
            }
        }
    }

    /// `due` blocks are written. A closed window stays closed: a worker that panicked closed it,
    /// and reopening it would leave the others waiting for a block that never comes.
    fn advance(&self, due: usize) {
        let mut written = self.lock();
        if written.is_some() {
            *written = Some(due);
        }
        self.moved.notify_all();
    }

    fn close(&self) {
        *self.lock() = None;
        self.moved.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<usize>> {
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Blocks after the one due: their pieces so far, and whether they are whole.
#[derive(Default)]
struct Waiting {
    pieces: VecDeque<Vec<u8>>,
    ended: bool,
}

/// Write the block due as its pieces arrive; keep the pieces of later blocks until their turn.
fn write_received(
    rx: &mpsc::Receiver<Sent>,
    window: &Window,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut later: BTreeMap<usize, Waiting> = BTreeMap::new();
    let mut due = 0;
    for sent in rx {
        match sent {
            Sent::Piece(i, piece) if i == due => out.write_all(&piece)?,
            Sent::Piece(i, piece) => later.entry(i).or_default().pieces.push_back(piece),
            Sent::End(i, rendered) => {
                rendered?;
                later.entry(i).or_default().ended = true;
            }
        }
        // The block due is whole: write those after it that are waiting, as far as they go.
        while let Some(block) = later.get_mut(&due) {
            while let Some(piece) = block.pieces.pop_front() {
                out.write_all(&piece)?;
            }
            if !block.ended {
                break;
            }
            later.remove(&due);
            due += 1;
            window.advance(due);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_come_out_in_order_whatever_finishes_first() {
        let items: Vec<usize> = (0..200).collect();
        let mut out = Vec::new();
        write_in_order(
            &items,
            4,
            |&i, buf| {
                // Early items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros(((200 - i) * 20) as u64));
                writeln!(buf, "block {i}")
            },
            &mut out,
        )
        .unwrap();
        let want: String = items.iter().fold(String::new(), |mut s, i| {
            s.push_str(&format!("block {i}\n"));
            s
        });
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn an_error_is_reported() {
        let items: Vec<usize> = (0..50).collect();
        let err = write_in_order(
            &items,
            2,
            |&i, buf| {
                if i == 30 {
                    return Err(io::Error::other("no"));
                }
                writeln!(buf, "{i}")
            },
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "no");
    }

    #[test]
    fn a_closed_window_stays_closed_when_the_writer_moves_on() {
        // A worker panics and closes the window while the writer is still taking in the
        // blocks before it: moving on must not let the other workers wait again.
        let window = Window::new(2);
        window.close();
        window.advance(5);
        assert!(!window.wait_for_room(5));
    }

    #[test]
    #[should_panic(expected = "block 5 broke")]
    fn a_panicking_worker_panics_the_caller_and_nobody_waits_forever() {
        let items: Vec<usize> = (0..100).collect();
        let _ = write_in_order(
            &items,
            2,
            |&i, buf| {
                assert!(i != 5, "block {i} broke");
                writeln!(buf, "{i}")
            },
            &mut Vec::new(),
        );
    }

    #[test]
    fn workers_stay_within_the_window_of_the_block_being_written() {
        let items: Vec<usize> = (0..60).collect();
        let started = Mutex::new(Vec::new());
        let mut out = Vec::new();
        write_in_order(
            &items,
            3,
            |&i, buf| {
                if i == 0 {
                    // The first block is slow: the others may not run far ahead of it.
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    let seen = started.lock().unwrap().clone();
                    assert!(seen.iter().all(|&j| j < 3 * AHEAD_PER_WORKER), "{seen:?}");
                }
                started.lock().unwrap().push(i);
                writeln!(buf, "{i}")
            },
            &mut out,
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 60);
    }
}
