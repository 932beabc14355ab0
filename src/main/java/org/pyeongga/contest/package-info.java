/**
 * Contests and selections (경진대회·선발): 적극행정 우수사례 경진대회, half-yearly 적극행정 우수공무원 선발 and custom
 * awards, from setup and nominations (부서추천, 직원신청, verified 국민추천) through the fact and exclusion check, stages
 * judged by panels (from {@code judging}, with department conflicts) and citizen votes (from {@code voting}), the
 * published final formula (computed by {@code scoring}), the committee decision and award tiers, to the incentives HR
 * applies, the public result page, award certificates and the statistics evaluations use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contests (경진대회·선발)",
        allowedDependencies = {"core", "organization", "account", "judging", "scoring", "voting", "evaluation"})
@org.jspecify.annotations.NullMarked
package org.pyeongga.contest;
