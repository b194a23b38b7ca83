/// Account-wide quantity of one item in one Region, and the part the free tier may cover.
struct Meter {
    var total = 0.0
    var freeEligible = 0.0
}
