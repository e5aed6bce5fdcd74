package cn.linli.organization;

import cn.linli.common.ApiException;
import cn.linli.common.ImportResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /admin/import/organizations}: the same import as the {@code importOrganizations} mutation, for files too large for
 * a GraphQL request (up to {@value OrganizationImport#MAX_ROWS} rows). The body is the CSV as bytes ({@code text/csv},
 * UTF-8 with or without BOM: GBK is refused); the answer is the {@code OrganizationImportResult} as JSON, or
 * {@code {"code", "message", "rowErrors"}}.
 */
@Path("/admin/import/organizations")
public class OrganizationImportResource {
    private static final Logger LOG = Logger.getLogger(OrganizationImportResource.class);

    @Inject
    OrganizationImport organizationImport;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType, byte[] csv) {
        return ImportResponses.upload(contentType, csv, bytes -> organizationImport.importBytes(bytes, "csv"));
    }

    @ServerExceptionMapper
    public Response error(ApiException error) {
        return ImportResponses.error(error);
    }

    @ServerExceptionMapper
    public Response error(WebApplicationException error) {
        return ImportResponses.error(error);
    }

    @ServerExceptionMapper
    public Response error(RuntimeException error) {
        return ImportResponses.failure(error, LOG, "Organization import");
    }
}
