package cn.linli.procurement;

import java.util.Map;

/**
 * activateContract needs the signed contract document (102号令 art. 23): its https address and SHA-256. Tests
 * that activate a contract use these.
 */
public final class SignedContract {
    public static final String ACTIVATE = "mutation($id: ID!, $url: String!, $sha: String!) { activateContract(input: "
            + "{id: $id, signedDocumentUrl: $url, signedDocumentSha256: $sha}) { id status } }";
    public static final String SHA_256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private SignedContract() {
    }

    /** The variables of {@link #ACTIVATE} for a contract. */
    public static Map<String, Object> of(String contractId) {
        return Map.of("id", contractId, "url", url(contractId), "sha", SHA_256);
    }

    public static String url(String contractId) {
        return "https://example.gov.cn/contracts/" + contractId + "-signed.pdf";
    }
}
