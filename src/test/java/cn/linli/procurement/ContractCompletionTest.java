package cn.linli.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contracts reach COMPLETED, by the buyer's official or by themselves 90 days after they end; then no payments. */
@QuarkusTest
class ContractCompletionTest {
    static final String OFFICIAL = ProcurementLifecycleTest.OFFICIAL;
    static final String PAY = "mutation($m: ID!) { recordPayment(input: {milestoneId: $m, amountFen: 1000}) { id } }";
    static final String COMPLETE = "mutation($id: ID!) { completeContract(input: {id: $id}) { status } }";

    @Inject
    Fixtures fixtures;
    @Inject
    Contracts contracts;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    /** An active single-source contract of organization A with one milestone: [contract id, milestone id]. */
    List<String> activeContract(String title, LocalDate start, LocalDate end) {
        Map<String, Object> input = ProcurementLifecycleTest.procurementInput(title, "elderly.meal", 300_000);
        input.put("method", "SINGLE_SOURCE");
        String id = GraphQL.as(OFFICIAL).data(ProcurementLifecycleTest.CREATE, Map.of("input", input)).getString("createProcurement.id");
        JsonPath awarded = GraphQL.as(OFFICIAL).data(ProcurementLifecycleTest.AWARD, Map.of("input", Map.of("id", id,
                "justification", "应急", "awards", List.of(Map.of("organizationId", String.valueOf(fixtures.organizationA()),
                        "amountFen", 300_000, "contract", ProcurementLifecycleTest.terms(start, end, 300_000))))));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        return List.of(contract, awarded.getString("awardProcurement.contracts[0].milestones[0].id"));
    }

    @Test
    void theBuyersOfficialCompletesAContractAndNoPaymentFollows() {
        LocalDate today = LocalDate.now();
        List<String> contract = activeContract("完成合同测试", today.minusMonths(2), today.plusMonths(1));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(ProcurementLifecycleTest.OTHER_OFFICIAL).error(COMPLETE,
                Map.of("id", contract.get(0)))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("owner-a", "org_staff")).error(COMPLETE,
                Map.of("id", contract.get(0)))));
        assertEquals("COMPLETED", GraphQL.as(OFFICIAL).data(COMPLETE, Map.of("id", contract.get(0))).getString("completeContract.status"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(PAY, Map.of("m", contract.get(1)))));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(COMPLETE, Map.of("id", contract.get(0)))));
    }

    @Test
    void aContractCompletesByItselfNinetyDaysAfterItEnds() {
        LocalDate today = LocalDate.now();
        List<String> ended = activeContract("自动完成测试", today.minusMonths(6), today.minusMonths(1));
        List<String> recent = activeContract("宽限期内测试", today.minusMonths(6), today.minusMonths(1));
        fixtures.execute("UPDATE contract SET ends_on = current_date - 91 WHERE id = " + ended.get(0));
        fixtures.execute("UPDATE contract SET ends_on = current_date - 89 WHERE id = " + recent.get(0));
        contracts.completeOverdueContracts();
        String status = "query($id: ID!) { contract(id: $id) { status } }";
        assertEquals("COMPLETED", GraphQL.anonymous().data(status, Map.of("id", ended.get(0))).getString("contract.status"));
        assertEquals("ACTIVE", GraphQL.anonymous().data(status, Map.of("id", recent.get(0))).getString("contract.status"),
                "within the 90 days of grace the last payments can still be made");
        GraphQL.as(OFFICIAL).data(PAY, Map.of("m", recent.get(1)));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(PAY, Map.of("m", ended.get(1)))));
    }
}
