package cn.linli.evaluation;

import cn.linli.common.Ids;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.evaluation.EvaluationViews.Appeal;
import cn.linli.evaluation.EvaluationViews.Cycle;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.evaluation.EvaluationViews.Indicator;
import cn.linli.evaluation.EvaluationViews.Outcome;
import cn.linli.evaluation.EvaluationViews.Score;
import cn.linli.evaluation.EvaluationViews.Template;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How the evaluation views are read, for the services of this package: no rules here. The {@code …Of} methods
 * read the children of many parents in one statement (for the batch resolvers), grouped by parent id.
 */
@ApplicationScoped
class EvaluationReads {
    static final String EVALUATION_COLUMNS = "e.id, e.cycle_id, e.contract_id, e.organization_id, o.name AS organization_name, "
            + "e.total, e.grade, e.rank, e.version, c.region_id, c.status AS cycle_status";
    static final String EVALUATION_FROM = " FROM evaluation e JOIN organization o ON o.id = e.organization_id "
            + "JOIN evaluation_cycle c ON c.id = e.cycle_id";
    private static final String SCORE_COLUMNS = "s.evaluation_id, i.id, i.name, i.kind, i.weight, s.score, s.comment, "
            + "CAST(s.inputs AS text) AS inputs FROM evaluation_score s JOIN evaluation_indicator i ON i.id = s.indicator_id";
    static final String APPEAL_COLUMNS = "a.id, a.evaluation_id, a.reasons, a.status, a.decision_reason, a.new_total, "
            + "a.filed_at, a.decided_at FROM appeal a";

    /** The columns {@link #cycles(List)} reads, from {@code c} (the cycle) and {@code r} (its region). */
    static final String CYCLE_SELECT = "SELECT c.id, c.name, c.period_start, c.period_end, r.code AS region_code, c.region_id, "
            + "c.category_code, c.template_id, CAST(c.thresholds AS text) AS thresholds, CAST(c.policy AS text) AS policy, c.status, "
            + "c.published_at FROM evaluation_cycle c JOIN region r ON r.id = c.region_id";
    private static final String TEMPLATE_SELECT = "SELECT t.id, t.name, t.version, tr.code AS region_code, "
            + "CAST(coalesce(t.family_id, t.id) AS text) AS family_id, t.created_at FROM evaluation_template t "
            + "JOIN region tr ON tr.id = t.region_id";

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;

    /** Evaluations matching a condition on {@code e}, {@code o} and {@code c}, best total first. */
    List<Evaluation> evaluations(String where, Map<String, ?> params) {
        return sql.rows("SELECT " + EVALUATION_COLUMNS + EVALUATION_FROM + " WHERE " + where
                + " ORDER BY e.total DESC NULLS LAST, e.id", params).stream().map(EvaluationReads::evaluation).toList();
    }

    /** The evaluation with this id (the input field {@code input.evaluationId}), else NOT_FOUND. */
    Evaluation evaluation(String id) {
        return evaluations("e.id = :id", Map.of("id", Ids.parse(id, "input.evaluationId"))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.evaluation.notFound", id));
    }

    static Evaluation evaluation(Row row) {
        return new Evaluation(row.string("id"), row.string("cycle_id"), row.string("contract_id"), row.string("organization_id"),
                row.string("organization_name"), row.decimal("total") == null ? null : row.decimal("total").doubleValue(),
                row.string("grade") == null ? null : Grade.valueOf(row.string("grade")), row.intValue("rank"), row.intValue("version"),
                row.longValue("region_id"), CycleStatus.valueOf(row.string("cycle_status")));
    }

    /** The published evaluations of each organization, best total first: one statement. */
    Map<Long, List<Evaluation>> publishedOf(Collection<Long> organizationIds) {
        Map<Long, List<Evaluation>> byOrganization = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return byOrganization;
        }
        for (Evaluation evaluation : evaluations("e.organization_id IN (:ids) AND c.status = 'PUBLISHED'",
                Map.of("ids", List.copyOf(organizationIds)))) {
            byOrganization.computeIfAbsent(Long.parseLong(evaluation.organizationId()), id -> new ArrayList<>()).add(evaluation);
        }
        return byOrganization;
    }

    /** One evaluation's scores in the template's order. */
    List<Score> scores(long evaluationId, boolean withComments) {
        return scoresOf(List.of(evaluationId), id -> withComments).getOrDefault(evaluationId, List.of());
    }

    /**
     * The scores of each evaluation in the template's order: one statement. Manual comments only where
     * {@code withComments} says so for the evaluation.
     */
    Map<Long, List<Score>> scoresOf(Collection<Long> evaluationIds, Predicate<Long> withComments) {
        Map<Long, List<Score>> byEvaluation = new HashMap<>();
        if (evaluationIds.isEmpty()) {
            return byEvaluation;
        }
        for (Row row : sql.rows("SELECT " + SCORE_COLUMNS + " WHERE s.evaluation_id IN (:ids) ORDER BY s.evaluation_id, i.position",
                Map.of("ids", List.copyOf(evaluationIds)))) {
            long evaluation = row.longValue("evaluation_id");
            boolean comments = withComments.test(evaluation) || !"MANUAL".equals(row.string("kind"));
            byEvaluation.computeIfAbsent(evaluation, id -> new ArrayList<>()).add(new Score(row.string("id"), row.string("name"),
                    IndicatorKind.valueOf(row.string("kind")), row.intValue("weight"), row.decimal("score").doubleValue(),
                    comments ? row.string("comment") : null, row.string("inputs")));
        }
        return byEvaluation;
    }

    /** The outcomes of each evaluation, oldest first: one statement. */
    Map<Long, List<Outcome>> outcomesOf(Collection<Long> evaluationIds) {
        Map<Long, List<Outcome>> byEvaluation = new HashMap<>();
        if (evaluationIds.isEmpty()) {
            return byEvaluation;
        }
        for (Row row : sql.rows("SELECT evaluation_id, kind, CAST(detail AS text) AS detail, applied_at, lifted_at FROM evaluation_outcome "
                + "WHERE evaluation_id IN (:ids) ORDER BY id", Map.of("ids", List.copyOf(evaluationIds)))) {
            byEvaluation.computeIfAbsent(row.longValue("evaluation_id"), id -> new ArrayList<>()).add(new Outcome(OutcomeKind.valueOf(row.string("kind")),
                    row.string("detail"), row.dateTime("applied_at"), row.dateTime("lifted_at")));
        }
        return byEvaluation;
    }

    /** The appeals against each evaluation, oldest first: one statement. */
    Map<Long, List<Appeal>> appealsOf(Collection<Long> evaluationIds) {
        Map<Long, List<Appeal>> byEvaluation = new HashMap<>();
        if (evaluationIds.isEmpty()) {
            return byEvaluation;
        }
        for (Appeal appeal : appeals("a.evaluation_id IN (:ids)", Map.of("ids", List.copyOf(evaluationIds)))) {
            byEvaluation.computeIfAbsent(Long.parseLong(appeal.evaluationId()), id -> new ArrayList<>()).add(appeal);
        }
        return byEvaluation;
    }

    Appeal appeal(long id) {
        return appeals("a.id = :id", Map.of("id", id)).get(0);
    }

    private List<Appeal> appeals(String where, Map<String, ?> params) {
        return sql.rows("SELECT " + APPEAL_COLUMNS + " WHERE " + where + " ORDER BY a.id", params).stream()
                .map(EvaluationReads::appeal).toList();
    }

    static Appeal appeal(Row row) {
        return new Appeal(row.string("id"), row.string("evaluation_id"), row.string("reasons"), AppealStatus.valueOf(row.string("status")),
                row.string("decision_reason"), row.decimal("new_total") == null ? null : row.decimal("new_total").doubleValue(),
                row.dateTime("filed_at"), row.dateTime("decided_at"));
    }

    Template template(long id) {
        return templates(List.of(id)).get(id);
    }

    /** Templates by id, with their indicators in order: two statements for any number. */
    Map<Long, Template> templates(Collection<Long> ids) {
        Map<Long, Template> byId = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        Map<Long, List<Indicator>> indicators = new HashMap<>();
        for (Row i : sql.rows("SELECT id, template_id, name, kind, weight FROM evaluation_indicator WHERE template_id IN (:ids) "
                + "ORDER BY template_id, position", Map.of("ids", List.copyOf(ids)))) {
            indicators.computeIfAbsent(i.longValue("template_id"), t -> new ArrayList<>()).add(new Indicator(i.string("id"),
                    i.string("name"), IndicatorKind.valueOf(i.string("kind")), i.intValue("weight")));
        }
        for (Row row : sql.rows(TEMPLATE_SELECT + " WHERE t.id IN (:ids) ORDER BY t.id", Map.of("ids", List.copyOf(ids)))) {
            byId.put(row.longValue("id"), template(row, indicators));
        }
        return byId;
    }

    /** Templates matching a condition on {@code t} and its region {@code tr}, by family then newest version first. */
    List<Template> templates(String where, Map<String, ?> params) {
        List<Long> ids = sql.rows("SELECT t.id FROM evaluation_template t JOIN region tr ON tr.id = t.region_id WHERE " + where
                + " ORDER BY coalesce(t.family_id, t.id), t.version DESC", params).stream().map(row -> row.longValue("id")).toList();
        Map<Long, Template> byId = templates(ids);
        return ids.stream().map(byId::get).toList();
    }

    private static Template template(Row row, Map<Long, List<Indicator>> indicators) {
        long id = row.longValue("id");
        return new Template(row.string("id"), row.string("name"), row.intValue("version"), indicators.getOrDefault(id, List.of()),
                row.string("region_code"), row.string("family_id"), row.dateTime("created_at"));
    }

    /** The cycle with this id, else NOT_FOUND. */
    Cycle cycle(long id) {
        return cycles(sql.rows(CYCLE_SELECT + " WHERE c.id = :id", Map.of("id", id))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.cycle.notFound", String.valueOf(id)));
    }

    /** Cycles from rows of {@link #CYCLE_SELECT}, in the rows' order, their templates read in one go. */
    List<Cycle> cycles(List<Row> rows) {
        Map<Long, Template> templates = templates(rows.stream().map(row -> row.longValue("template_id")).distinct().toList());
        return rows.stream().map(row -> new Cycle(row.string("id"), row.string("name"), row.date("period_start"),
                row.date("period_end"), row.string("region_code"), row.string("category_code"),
                templates.get(row.longValue("template_id")), Policy.Thresholds.of(parse(row.string("thresholds"))),
                Policy.of(parse(row.string("policy"))),
                CycleStatus.valueOf(row.string("status")), row.dateTime("published_at"), row.longValue("region_id"))).toList();
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
