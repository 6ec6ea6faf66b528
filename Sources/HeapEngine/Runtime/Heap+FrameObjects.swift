/// Frame objects before 3.11 (Objects/frameobject.c of 3.6 and 3.8): every Python call
/// (function, lambda, comprehension, class body, generator) runs in a PyFrameObject, a GC
/// object. _PyFrame_New_NoTrack takes the code object's "zombie" frame if it has one
/// (co_zombieframe, kept from its last call), else one from free_list, else allocates a new
/// one (PyObject_GC_NewVar: generation 0's count goes up). frame_dealloc gives the frame back
/// to its code as the zombie if the code has none, else to free_list (at most
/// PyFrame_MAXFREELIST, 200), else frees it (PyObject_GC_Del: the count goes down);
/// code_dealloc frees the zombie; a full collection empties free_list (clear_freelists).
///
/// Measured (3.8.18, at the prompt after `gc.collect()`): the first call of a function
/// counts one object more than the second; `[i for i in range(3)]` counts 3 (the list, the
/// `<listcomp>` frame, then the statement's code object dies and frees it at the next
/// statement), 3.11.7 counts 1.
///
/// Only the count is modelled: the frame's memory block (about 400 bytes, its size depends
/// on co_stacksize) is not allocated in the engine's pymalloc.
extension Heap {
    /// _PyFrame_New_NoTrack for a code object whose zombie frame is `zombie`.
    public func frameObjectNew(zombie: inout Bool) {
        if zombie {
            zombie = false
        } else if freeLists.frames > 0 {
            freeLists.frames -= 1
        } else {
            gc.counts[0] += 1   // PyObject_GC_NewVar; _PyObject_GC_Link may collect
            gcThresholdCheck()
        }
    }

    /// frame_dealloc of a frame of a code object whose zombie frame is `zombie`.
    public func frameObjectDealloc(zombie: inout Bool) {
        if !zombie {
            zombie = true
        } else if freeLists.frames < 200 {
            freeLists.frames += 1
        } else {
            gcCountFree()
        }
    }

    /// code_dealloc: `PyObject_GC_Del(co->co_zombieframe)`.
    public func frameObjectZombieFree() {
        gcCountFree()
    }
}
