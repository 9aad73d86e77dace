//! Hashers for the core's maps: pass-through for keys that are token hashes already, and
//! foldhash for the rest.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Token keys are hashed already: a map keyed by them need not hash them again; other keys
/// get a cheap multiplicative hash.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Multiplicative mixing (as FxHash does), for keys that are not hashes already.
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517C_C1B7_2722_0A95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type Cheap = BuildHasherDefault<PassThrough>;

/// A map keyed by token hashes (`Token::hash`, or keys made from them).
pub type ByHash<V> = HashMap<u64, V, Cheap>;

/// A set of token hashes.
pub type HashesSet = HashSet<u64, Cheap>;

/// foldhash, for keys that are not hashes already (words, lists of numbers): faster than the
/// default `SipHash` on short keys, and seeded per process, so an article cannot be written to
/// make its keys collide.
pub type FastHash = foldhash::fast::RandomState;
