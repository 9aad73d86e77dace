//! Topics rendered side by side on the machine's cores, written in their order: a topic's
//! block of text or Markdown depends on nothing but the topic.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Render each of `items` with `render` into a buffer of its own, on up to `workers` threads,
/// and write the buffers to `out` in the order of `items`. A worker's panic is carried on to
/// the caller; the first error stops the writing.
pub(super) fn write_in_order<T: Sync>(
    items: &[T],
    workers: usize,
    render: impl Fn(&T, &mut Vec<u8>) -> io::Result<()> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    let workers = workers.clamp(1, items.len().max(1));
    if workers == 1 {
        let mut buf = Vec::new();
        for item in items {
            buf.clear();
            render(item, &mut buf)?;
            out.write_all(&buf)?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, io::Result<Vec<u8>>)>(workers * 2);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let tx = tx.clone();
                let (next, render) = (&next, &render);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let mut buf = Vec::new();
                        let rendered = render(item, &mut buf).map(|()| buf);
                        if tx.send((i, rendered)).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(tx);
        let written = write_received(&rx, out);
        // Stop the workers early if writing failed: they see the channel closed.
        drop(rx);
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
        written
    })
}

/// Write buffers as they arrive, each as soon as every one before it is written.
fn write_received(
    rx: &mpsc::Receiver<(usize, io::Result<Vec<u8>>)>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut waiting = BTreeMap::new();
    let mut due = 0;
    for (i, rendered) in rx {
        waiting.insert(i, rendered?);
        while let Some(buf) = waiting.remove(&due) {
            out.write_all(&buf)?;
            due += 1;
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
}
