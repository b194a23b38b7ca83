/// What `recommend --strategy` optimises among the variants that meet the constraints.
public enum RecommendationStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lowest expected monthly cost.
    case cost
    /// Lowest predicted p99 duration; cost breaks ties.
    case speed
    /// Lowest weighted sum of cost and p99, each relative to its best value among the candidates.
    case balanced
}
