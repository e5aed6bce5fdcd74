package cn.linli.region;

import cn.linli.audit.AuditLog;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.Inputs;
import cn.linli.common.Location;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/** Changes to the region tree: grids (网格) under a community, by an official over the community. */
@ApplicationScoped
public class RegionService {
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    AuditLog audit;

    @Transactional
    public Region createGrid(RegionInputs.CreateGrid input) {
        caller.requireRole(Caller.OFFICIAL);
        Region community = regions.require(input.communityCode(), "input.communityCode"); // regions are public
        String role = access.requireOfficialOver(community.id());
        if (community.level() != RegionLevel.COMMUNITY) {
            throw new ValidationException("input.communityCode", "error.grid.communityLevel");
        }
        String code = input.code() == null ? "" : input.code().strip();
        if (!code.startsWith(community.code()) || !code.substring(community.code().length()).matches("[0-9]{1,6}")
                || code.length() > 20) {
            throw new ValidationException("input.code", "error.grid.code");
        }
        String name = Inputs.required(input.name(), "input.name", 40);
        if ((input.lat() == null) != (input.lng() == null)) {
            throw new ValidationException(input.lat() == null ? "input.lat" : "input.lng", "error.input.required");
        }
        if (input.lat() != null) {
            Inputs.location(new Location(input.lat(), input.lng()), "input.lat");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        params.put("name", name);
        params.put("parent", community.id());
        params.put("lat", input.lat() == null ? -999.0 : input.lat());
        params.put("lng", input.lng() == null ? -999.0 : input.lng());
        int inserted = sql.update("INSERT INTO region (code, name, level, parent_id, path, lat, lng) "
                + "SELECT :code, :name, 'GRID', p.id, p.path || CAST(:code AS text), nullif(:lat, -999.0), nullif(:lng, -999.0) "
                + "FROM region p WHERE p.id = :parent ON CONFLICT (code) DO NOTHING", params);
        if (inserted == 0) {
            throw new ConflictException("input.code", "error.grid.codeTaken", new Object[0]);
        }
        Region grid = regions.byCode(code).orElseThrow();
        audit.record(role, new AuditLog.Change("createGrid", "Region", grid.id(), null, grid.id(), null, null,
                Map.of("code", code, "parentCode", community.code())));
        return grid;
    }
}
