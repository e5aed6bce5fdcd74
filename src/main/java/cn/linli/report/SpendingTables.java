package cn.linli.report;

import cn.linli.procurement.SpendingReads;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Spending as a table: amounts in yuan with two decimals (stored in fen), and the definitions and totals as notes. */
final class SpendingTables {
    private SpendingTables() {
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static Table table(Reports.SpendingReport report) {
        List<Table.Column> columns = List.of(Table.Column.text("类别代码"), Table.Column.text("服务类别"), Table.Column.text("机构名称"),
                Table.Column.text("统一社会信用代码"), Table.Column.integer("合同数"), Table.Column.decimal("中标金额（元）", 2),
                Table.Column.decimal("已支付（元）", 2), Table.Column.decimal("暂扣（元）", 2));
        List<List<Object>> rows = new ArrayList<>();
        for (SpendingReads.Line line : report.lines()) {
            List<Object> row = new ArrayList<>();
            row.add(line.categoryCode());
            row.add(line.categoryName() == null ? "未分类" : line.categoryName());
            row.add(line.organizationName());
            row.add(line.creditCode());
            row.add(line.contracts());
            row.add(yuan(line.awardedFen()));
            row.add(yuan(line.paidFen()));
            row.add(yuan(line.withheldFen()));
            rows.add(row);
        }
        return new Table(report.year() + "年购买服务支出", columns, rows);
    }

    static Table.Book book(Reports.SpendingReport report) {
        long awarded = report.lines().stream().mapToLong(SpendingReads.Line::awardedFen).sum();
        long paid = report.lines().stream().mapToLong(SpendingReads.Line::paidFen).sum();
        long withheld = report.lines().stream().mapToLong(SpendingReads.Line::withheldFen).sum();
        List<List<String>> notes = List.of(
                List.of("地区", report.region().name() + "（" + report.region().code() + "）及所辖地区"),
                List.of("年度", String.valueOf(report.year())),
                List.of("金额单位", "元（人民币，保留两位小数；系统以分记账）"),
                List.of("中标金额", "本年度授予的合同金额（按授予日期，北京时间；无授予记录的续签合同按开始日期）"),
                List.of("已支付", "本年度支付的款项（按支付日期）"),
                List.of("暂扣", "到期日在本年度、因考核不合格现被暂停拨付的合同款项"),
                List.of("范围", "采购单位在该地区，或采购项目的服务地区在该地区的合同"),
                List.of("中标金额合计（元）", yuan(awarded).toPlainString()),
                List.of("已支付合计（元）", yuan(paid).toPlainString()),
                List.of("暂扣合计（元）", yuan(withheld).toPlainString()));
        return new Table.Book(table(report), List.of(new Table.Notes("说明", notes)));
    }
}
