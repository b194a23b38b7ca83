import Dispatch
import Foundation
import LambdaCostCore

/// SHA-256 of a stream computed on another core while the caller parses: each chunk is copied
/// and hashed on a serial queue. At most ``maximumInFlight`` chunks wait, so memory stays flat
/// even if hashing falls behind.
final class BackgroundHasher: @unchecked Sendable {
    // Invariant that makes the @unchecked Sendable sound: `hasher` is touched only on `queue`.
    private var hasher: ContentHasher? = ContentHasher()
    private let queue = DispatchQueue(label: "lambdacost.content-hash")
    private let slots: DispatchSemaphore
    static let maximumInFlight = 8

    init() {
        slots = DispatchSemaphore(value: Self.maximumInFlight)
    }

    /// Queues a copy of `bytes` to be hashed.
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        let copy = [UInt8](bytes)
        slots.wait()
        queue.async {
            copy.withUnsafeBytes { self.hasher?.update($0) }
            self.slots.signal()
        }
    }

    /// Waits for the queued chunks and returns the lowercase hex digest.
    func finalize() -> String {
        queue.sync { hasher.take()?.finalize() ?? "" }
    }
}
