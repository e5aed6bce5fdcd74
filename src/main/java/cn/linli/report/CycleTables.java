package cn.linli.report;

import cn.linli.evaluation.CycleTerms;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.evaluation.EvaluationViews.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The 公示's table (and, in the spreadsheet, sheets of the cycle's facts and its indicators) for XLSX and CSV. */
final class CycleTables {
    private CycleTables() {
    }

    static Table results(Reports.CycleReport report) {
        List<Table.Column> columns = List.of(Table.Column.integer("排名"), Table.Column.text("机构名称"), Table.Column.decimal("总分", 2),
                Table.Column.text("等级"), Table.Column.text("结果运用"), Table.Column.text("机构ID"), Table.Column.text("评估ID"));
        List<List<Object>> rows = new ArrayList<>();
        for (Reports.Line line : report.lines()) {
            Evaluation e = line.evaluation();
            String outcomes = Texts.outcomes(line.outcomes());
            if (e.version() > 1) {
                outcomes = outcomes.isEmpty() ? "经复核改定" : "经复核改定；" + outcomes;
            }
            List<Object> row = new ArrayList<>();
            row.add(e.rank());
            row.add(e.organizationName());
            row.add(e.total() == null ? null : BigDecimal.valueOf(e.total()));
            row.add(e.grade() == null ? null : Texts.grade(e.grade()));
            row.add(outcomes);
            row.add(e.organizationId());
            row.add(e.id());
            rows.add(row);
        }
        return new Table("评估结果", columns, rows);
    }

    static Table.Book book(Reports.CycleReport report) {
        var cycle = report.cycle();
        CycleTerms terms = report.terms();
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("评估结果公示", cycle.name()));
        facts.add(List.of("考核周期", Texts.date(cycle.periodStart()) + " 至 " + Texts.date(cycle.periodEnd())));
        facts.add(List.of("地区范围", report.region().name() + "（" + report.region().code() + "）及所辖地区"));
        facts.add(List.of("服务类别", report.categoryName() == null ? "全部类别" : report.categoryName()));
        facts.add(List.of("考核模板", cycle.template().name() + "（第 " + cycle.template().version() + " 版）"));
        facts.add(List.of("公布时间", report.published() ? Texts.dateTime(cycle.publishedAt()) : "尚未公布"));
        facts.add(List.of("等级标准", "优秀 ≥ " + terms.excellent() + "，良好 ≥ " + terms.good() + "，合格 ≥ " + terms.pass()
                + "，不合格 < " + terms.pass()));
        facts.add(List.of("复核期限", terms.appealUntil() == null ? "公布之日起 " + terms.appealDays() + " 日内"
                : "公示之日起 " + terms.appealDays() + " 日内，截至 " + Texts.dateTime(terms.appealUntil())));
        facts.add(List.of("复核方式", "机构负责人在机构端对本机构的评估结果提交复核申请（appealEvaluation），写明理由和依据"));
        List<List<String>> indicators = new ArrayList<>();
        indicators.add(List.of("指标", "权重（%）", "评分方式"));
        for (Indicator indicator : cycle.template().indicators()) {
            indicators.add(List.of(indicator.name(), String.valueOf(indicator.weight()), Texts.kind(indicator.kind())));
        }
        return new Table.Book(results(report), List.of(new Table.Notes("考核说明", facts), new Table.Notes("指标与权重", indicators)));
    }
}
