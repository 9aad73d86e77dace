//! Writing large outputs while the next part is being made: full buffers go to a writer thread,
//! so composing the output and the kernel's copying of it share the machine's cores.

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Bytes handed to the writer thread at once.
const CHUNK: usize = 1 << 20;
/// Full chunks waiting for the writer thread: bounds the memory this costs to a few MiB.
const IN_FLIGHT: usize = 3;

/// A writer that passes full chunks to the writer thread and takes empty ones back.
struct Handoff {
    buf: Vec<u8>,
    full: SyncSender<Vec<u8>>,
    empty: Receiver<Vec<u8>>,
}

impl Handoff {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let next = self
            .empty
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
        let chunk = std::mem::replace(&mut self.buf, next);
        // The writer thread only stops early when a write failed: its error is reported
        // when it is joined.
        self.full
            .send(chunk)
            .map_err(|_| io::Error::other("the output stopped"))
    }
}

impl Write for Handoff {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.buf.len() + bytes.len() > CHUNK {
            self.send()?;
        }
        if bytes.len() >= CHUNK {
            self.full
                .send(bytes.to_vec())
                .map_err(|_| io::Error::other("the output stopped"))?;
        } else {
            self.buf.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// Run `fill` with a writer whose bytes reach `sink` from another thread, then flush `sink`.
/// A write error of the sink (a closed pipe, a full disk) is returned, whatever `fill` did;
/// a panic of the writer thread is an error too, never a silently short output.
pub fn write_overlapped<W, R>(
    sink: W,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<R>,
) -> anyhow::Result<R>
where
    W: Write + Send,
{
    let (to_writer, full_chunks) = sync_channel::<Vec<u8>>(IN_FLIGHT);
    let (to_filler, empty_chunks) = sync_channel::<Vec<u8>>(IN_FLIGHT + 1);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> io::Result<()> {
            let mut sink = sink;
            for mut chunk in full_chunks {
                sink.write_all(&chunk)?;
                chunk.clear();
                let _ = to_filler.try_send(chunk);
            }
            sink.flush()
        });
        let mut handoff = Handoff {
            buf: Vec::with_capacity(CHUNK),
            full: to_writer,
            empty: empty_chunks,
        };
        let filled = fill(&mut handoff).and_then(|r| Ok(handoff.flush().map(|()| r)?));
        drop(handoff);
        let written = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the thread writing the output failed"))?;
        // The sink's own error explains a "stopped" one seen while filling.
        written?;
        filled
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_arrives_in_order() {
        let mut out = Vec::new();
        let pieces: Vec<Vec<u8>> = (0..5000u32)
            .map(|i| i.to_string().repeat((i % 700) as usize).into_bytes())
            .collect();
        write_overlapped(&mut out, |w| {
            for p in &pieces {
                w.write_all(p)?;
            }
            w.write_all(&vec![b'x'; 3 * CHUNK])?;
            Ok(())
        })
        .unwrap();
        let mut want = pieces.concat();
        want.extend(vec![b'x'; 3 * CHUNK]);
        assert_eq!(out.len(), want.len());
        assert!(out == want);
    }

    /// A sink that counts the writes it is given.
    struct Counts<'a>(&'a mut Vec<usize>);

    impl Write for Counts<'_> {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.push(bytes.len());
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn small_writes_reach_the_sink_in_full_chunks() {
        let mut sizes = Vec::new();
        write_overlapped(Counts(&mut sizes), |w| {
            for _ in 0..10_000 {
                w.write_all(&[b'a'; 700])?;
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(sizes.iter().sum::<usize>(), 7_000_000);
        // 7 MB in chunks of a MiB at most, each as full as 700-byte pieces allow.
        assert_eq!(sizes.len(), 7, "{sizes:?}");
        assert!(
            sizes[..6].iter().all(|&n| n <= CHUNK && n > CHUNK - 700),
            "{sizes:?}"
        );
    }

    /// A sink that accepts a few bytes, then fails as a closed pipe does.
    struct Closes(usize);

    impl Write for Closes {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            self.0 -= 1;
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_sinks_error_is_the_one_reported() {
        let err = write_overlapped(Closes(1), |w| {
            for _ in 0..100 {
                w.write_all(&vec![b'a'; CHUNK / 2])?;
            }
            Ok(())
        })
        .unwrap_err();
        let io = err.downcast_ref::<io::Error>().unwrap();
        assert_eq!(io.kind(), io::ErrorKind::BrokenPipe);
    }
}
