/// A priced quantity's place: Region and item (the item carries the architecture).
struct MeterKey: Hashable, Comparable {
    var region: String
    var item: PriceItemKey

    static func < (a: Self, b: Self) -> Bool {
        // Item order first so that a free-tier pool is spent in a fixed order (x86 before arm, ingest before storage).
        (a.item.order, a.region) < (b.item.order, b.region)
    }
}
