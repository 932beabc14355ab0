package org.pyeongga.judging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pyeongga.judging.AutomaticAssignment.Evaluator;
import org.pyeongga.judging.AutomaticAssignment.Pairing;
import org.pyeongga.judging.AutomaticAssignment.Problem;
import org.pyeongga.judging.AutomaticAssignment.Subject;
import org.pyeongga.judging.ConflictRules.FormerEmployer;
import org.pyeongga.judging.ConflictRules.Place;
import org.pyeongga.judging.ConflictRules.Ties;

/**
 * The acceptance case of issue 5 on real data: the 243 local governments of 2024-12-31 (the registry's seed, with
 * their 광역) × 5 qualitative indicators, 3 evaluators each, and 40 evaluators: 16 cross-evaluators working for a
 * local government (so their own institution and 광역 are conflicts) and 24 outside experts with former employers
 * (some within 3 years) and declared conflicts. Seeded, so the same problem every run. Shared by the tests and the
 * benchmark under {@code bench/}.
 */
public final class RealisticAssignment {

    public static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    public static final int FORMER_EMPLOYER_YEARS = 3;
    public static final List<String> CRITERIA = List.of("A13", "A14", "A15", "A16", "A17");
    static final List<String> TOPICS = List.of("규제", "복지", "민원", "재난", "홍보");

    public final List<Place> institutions;
    public final Map<String, Ties> ties = new HashMap<>();
    public final Problem problem;

    private RealisticAssignment(List<Place> institutions, Problem problem) {
        this.institutions = institutions;
        this.problem = problem;
    }

    public static RealisticAssignment build(long seed, int evaluatorCount, int required) {
        List<Place> institutions = localGovernments();
        var random = new SplittableRandom(seed);
        List<Evaluator> evaluators = new ArrayList<>();
        Map<String, Ties> ties = new HashMap<>();
        for (int i = 0; i < evaluatorCount; i++) {
            String id = "evaluator-" + i;
            Set<Place> memberships = new HashSet<>();
            List<FormerEmployer> former = new ArrayList<>();
            Map<Long, String> declared = new HashMap<>();
            if (i < evaluatorCount * 2 / 5) {
                memberships.add(institutions.get(random.nextInt(institutions.size())));
            } else {
                for (int k = 0; k < 2; k++) {
                    former.add(new FormerEmployer(institutions.get(random.nextInt(institutions.size())).institutionId(),
                            AS_OF.minusDays(random.nextInt(6 * 365))));
                }
                declared.put(institutions.get(random.nextInt(institutions.size())).institutionId(), "친족 근무");
            }
            ties.put(id, new Ties(memberships, former, declared));
            evaluators.add(new Evaluator(id, Set.of(TOPICS.get(random.nextInt(TOPICS.size()))), 0));
        }
        List<Subject> subjects = new ArrayList<>();
        Set<Pairing> forbidden = new HashSet<>();
        Map<Pairing, Integer> preferences = new HashMap<>();
        for (Place institution : institutions) {
            for (int c = 0; c < CRITERIA.size(); c++) {
                String subjectId = institution.institutionId() + "/" + CRITERIA.get(c);
                subjects.add(new Subject(subjectId, CRITERIA.get(c), Set.of(TOPICS.get(c)), required));
                for (Evaluator e : evaluators) {
                    var pairing = new Pairing(e.id(), subjectId);
                    if (ConflictRules.conflict(ties.get(e.id()), institution, AS_OF, FORMER_EMPLOYER_YEARS).isPresent()) {
                        forbidden.add(pairing);
                    } else if (random.nextInt(20) == 0) {
                        preferences.put(pairing, random.nextInt(5) - 2);
                    }
                }
            }
        }
        var result = new RealisticAssignment(institutions, new Problem(evaluators, subjects, forbidden, Set.of(), preferences));
        result.ties.putAll(ties);
        return result;
    }

    /** The institution of a subject id built here. */
    public Place institutionOf(String subjectId) {
        long id = Long.parseLong(subjectId.substring(0, subjectId.indexOf('/')));
        return institutions.get((int) id);
    }

    /** The 243 local governments valid on {@link #AS_OF}, numbered from 0, each with its 광역. */
    static List<Place> localGovernments() {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/main/resources/registry/local-governments.csv"), StandardCharsets.UTF_8);
            List<String> header = List.of(lines.getFirst().split(",", -1));
            List<Place> places = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                String from = f[header.indexOf("valid_from")];
                String to = f[header.indexOf("valid_to")];
                if (!from.isEmpty() && LocalDate.parse(from).isAfter(AS_OF) || !to.isEmpty() && LocalDate.parse(to).isBefore(AS_OF)) {
                    continue;
                }
                String province = f[header.indexOf("level")].equals("광역") ? f[header.indexOf("name")] : f[header.indexOf("parent")];
                places.add(new Place(places.size(), province));
            }
            return places;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
