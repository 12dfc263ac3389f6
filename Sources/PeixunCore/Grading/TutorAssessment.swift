/// 坊主考核 — a tutor's six items over the trainees of the 坊 they lead.
enum TutorAssessment {
    /// The first band (highest first) whose minimum the rate reaches; rates
    /// compare exactly (19/20 is 95%).
    static func bandPoints(_ rate: Fraction, _ bands: [RateBand]) -> Points {
        for band in bands where rate >= band.minimumRate { return Points(rounding: band.points) }
        return .zero
    }

    static func countPoints(_ count: Int, _ rule: CountRule) -> Points {
        Points(rounding: rule.pointsEach * Fraction(min(count, rule.maximumCount)))
    }

    /// A rate over submissions earns its points only with submissions.
    static func submissionRatePoints(_ numerator: Int, of submitted: Int, _ band: RateBand) -> Points {
        guard submitted > 0 else { return .zero }
        return Fraction(numerator) / Fraction(submitted) >= band.minimumRate ? Points(rounding: band.points) : .zero
    }

    static func points(counts: ClassCounts, announcements: Int, briefings: Int, rules: TutorRules) -> TutorPoints {
        TutorPoints(
            participation: bandPoints(counts.participationRate, rules.participationBands),
            pass: bandPoints(counts.passRate, rules.passRateBands),
            announcement: countPoints(announcements, rules.announcement),
            briefing: countPoints(briefings, rules.briefing),
            review: submissionRatePoints(counts.graded, of: counts.submitted, rules.review),
            recommendation: submissionRatePoints(counts.recommended, of: counts.submitted, rules.recommendation))
    }
}
