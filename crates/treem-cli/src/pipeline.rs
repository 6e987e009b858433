//! Checking a stream of records on every core while writing results in input order.
//!
//! One reader thread cuts the input into numbered chunks; worker threads check whole chunks;
//! the calling thread puts finished chunks back in order and hands each outcome to `emit`.
//! Memory stays flat: the reader needs a permit to send a chunk and the writer returns a
//! permit only after it has written one, so at most `permits` chunks exist at any time,
//! whatever the file size or the thread timing. Output order depends only on the input.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Mutex;

use crate::check::{Checker, Outcome};
use crate::failure::Failure;
use crate::input::{RawRecord, RecordReader};

/// Records per chunk: large enough to amortise channel traffic, small enough to keep
/// memory and latency low.
pub(crate) const CHUNK: usize = 2048;

type ChunkIn = (usize, Result<Vec<RawRecord>, Failure>);
type ChunkOut = (usize, Result<Vec<Outcome>, Failure>);

/// Runs `checker` over `first` then the rest of `reader` on `threads` workers, calling `emit`
/// for each outcome in input order.
///
/// # Errors
/// The first read failure, or the first failure returned by `emit`.
pub(crate) fn run(
    mut reader: Box<dyn RecordReader>,
    first: Vec<RawRecord>,
    threads: usize,
    checker: &Checker,
    mut emit: impl FnMut(Outcome) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let threads = threads.max(1);
    let permits = 2 * threads + 2;
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<ChunkIn>(permits);
    let chunk_rx = Mutex::new(chunk_rx);
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::channel::<ChunkOut>();
        let (permit_tx, permit_rx) = mpsc::channel::<()>();
        for _ in 0..permits {
            let _ = permit_tx.send(());
        }
        scope.spawn(move || {
            let mut next = Some(first);
            for index in 0.. {
                if permit_rx.recv().is_err() {
                    return;
                }
                let chunk = match next.take() {
                    Some(chunk) => Ok(chunk),
                    None => reader.next_chunk(CHUNK),
                };
                match chunk {
                    Ok(records) if records.is_empty() => return,
                    Ok(records) => {
                        if chunk_tx.send((index, Ok(records))).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        let _ = chunk_tx.send((index, Err(e)));
                        return;
                    }
                }
            }
        });
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let chunk_rx = &chunk_rx;
            scope.spawn(move || loop {
                let received = match chunk_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((index, chunk)) = received else { return };
                let result =
                    chunk.map(|records| records.into_iter().map(|r| checker.check(r)).collect());
                if done_tx.send((index, result)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let mut waiting: BTreeMap<usize, Vec<Outcome>> = BTreeMap::new();
        let mut next_index = 0;
        for (index, result) in done_rx {
            waiting.insert(index, result?);
            while let Some(outcomes) = waiting.remove(&next_index) {
                for outcome in outcomes {
                    emit(outcome)?;
                }
                next_index += 1;
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}

/// The number of worker threads: `--threads`, else the number of cores.
pub(crate) fn threads(requested: Option<usize>) -> usize {
    requested
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
        .clamp(1, 256)
}
