package cn.linli.report;

import cn.linli.catalog.CategoryQueries;
import cn.linli.common.Caller;
import cn.linli.common.Row;
import cn.linli.common.ValidationException;
import cn.linli.evaluation.Coverage;
import cn.linli.evaluation.CycleTerms;
import cn.linli.evaluation.EvaluationService;
import cn.linli.evaluation.EvaluationViews.CommunityCoverage;
import cn.linli.evaluation.EvaluationViews.Cycle;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.evaluation.EvaluationViews.Outcome;
import cn.linli.identity.Access;
import cn.linli.procurement.SpendingReads;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the reports show and who may see it. This package owns no table and writes nothing: it reads through the
 * other contexts' named methods ({@link EvaluationService}, {@link Coverage}, {@link SpendingReads}), which apply
 * their own visibility rules; the one rule of its own is that spending is for officials over the region.
 */
@ApplicationScoped
public class Reports {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;

    @Inject
    EvaluationService evaluations;
    @Inject
    Coverage coverage;
    @Inject
    SpendingReads spending;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;
    @Inject
    Access access;
    @Inject
    Caller caller;

    /** An evaluation and the outcomes applied to it. */
    record Line(Evaluation evaluation, List<Outcome> outcomes) {
    }

    /** A cycle's 公示: the cycle, its region and category by name, its terms, its evaluations best first. */
    record CycleReport(Cycle cycle, Region region, String categoryName, CycleTerms terms, List<Line> lines) {
        boolean published() {
            return cycle.publishedAt() != null && cycle.status().name().equals("PUBLISHED");
        }
    }

    /** A community's coverage with its centre (null when the region has none). */
    record CoveragePoint(CommunityCoverage coverage, Double lat, Double lng) {
    }

    /**
     * The cycle's report: anyone once it is published; before that officials over its region only, anyone else
     * NOT_FOUND (as the GraphQL {@code evaluationCycle} query).
     */
    CycleReport cycle(String id) {
        Cycle cycle = evaluations.visibleCycle(id);
        List<Evaluation> list = evaluations.evaluationsOf(cycle.id());
        List<List<Outcome>> outcomes = evaluations.outcomes(list);
        Region region = regions.byIds(List.of(cycle.regionId())).get(0);
        String category = cycle.categoryCode() == null ? null
                : categories.byCode(cycle.categoryCode()).map(c -> c.nameZh()).orElse(cycle.categoryCode());
        List<Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            lines.add(new Line(list.get(i), outcomes.get(i)));
        }
        return new CycleReport(cycle, region, category, CycleTerms.of(cycle), lines);
    }

    /** The coverage of the region's communities, as the GraphQL {@code coverage} query has it, with their centres. */
    List<CoveragePoint> coverage(String regionCode, String categoryCode) {
        List<CommunityCoverage> communities = coverage.coverage(regionCode, categoryCode, null);
        Map<String, Region> byCode = regions.byCodes(communities.stream().map(CommunityCoverage::regionCode).toList()).stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
        return communities.stream().map(c -> {
            Region region = byCode.get(c.regionCode());
            boolean located = region != null && region.centroid() != null;
            return new CoveragePoint(c, located ? region.centroid().lat() : null, located ? region.centroid().lng() : null);
        }).toList();
    }

    /** Spending of a region and year: officials over the region only (UNAUTHENTICATED, FORBIDDEN otherwise). */
    SpendingReport spending(String regionCode, String yearText) {
        caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(regionCode, "regionCode");
        access.requireOfficialOver(region.id());
        int year = year(yearText);
        return new SpendingReport(region, year, spending.spending(region.code(), year));
    }

    record SpendingReport(Region region, int year, List<SpendingReads.Line> lines) {
    }

    /** The year asked for, this year in China when absent; VALIDATION outside 1900–2199 or not a number. */
    static int year(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(Row.CHINA).getYear();
        }
        if (text.length() <= 4 && text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            int year = Integer.parseInt(text);
            if (year >= MIN_YEAR && year <= MAX_YEAR) {
                return year;
            }
        }
        throw new ValidationException("year", "error.input.range", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
    }
}
