package org.megacity.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.identity.Administrators;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.TinyCity;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** Test fixture: TinyCity with {@link TestAssets} imported through the API; returns the system administrator's token. */
public final class AssetFixtures {

    private AssetFixtures() {
    }

    public static String load(MockMvc mvc, DataDirectory data, Geography geography, AssetRegistry registry)
            throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            assertThat(geography.importDivisions(TinyCity.divisions())).isInstanceOf(ImportOutcome.Imported.class);
        }
        String admin = new Administrators(mvc, data).sysadmin();
        if (registry.count(AssetType.PIPE_SEGMENT) == 0) {
            mvc.perform(post("/api/v1/assets/import").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                    .contentType("application/geo+json").content(TestAssets.geoJson())).andExpect(status().isCreated());
        }
        return admin;
    }
}
