//! The global allocator: mimalloc, called through its plain entry points.
//!
//! The linter allocates many small strings per charter (labels, values, findings) and
//! frees them right after; glibc's allocator spent a large share of the run there,
//! mimalloc a fraction of that. The `mimalloc` crate's allocator goes through
//! `mi_malloc_aligned` for every request; nearly all of ours ask for no more than
//! word alignment, which `mi_malloc` always gives, and its path is shorter (figures in
//! bench/README.md).

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Alignment every `mi_malloc` block has: a machine word.
const WORD: usize = std::mem::size_of::<usize>();

pub struct Mimalloc;

// SAFETY: each method hands the request to mimalloc, which returns null or a block of
// at least the requested size: with the requested alignment from the `_aligned`
// calls, and with word alignment (enough when the layout asks for no more) from the
// plain ones. Blocks from either family are freed and resized by `mi_free` and
// `mi_realloc`/`mi_realloc_aligned`, which accept both.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}
