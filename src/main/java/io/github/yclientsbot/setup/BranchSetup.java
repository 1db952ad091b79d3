package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.storage.AuditLog;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.yclients.Chain;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * /setchain, /addbranch and /delbranch: several branches in one bot. Each is checked with YCLIENTS first, and a
 * failed check saves nothing. /setchain stores {@code yclients.group.id} in chat (the chain's branches are then read
 * from YCLIENTS); /addbranch and /delbranch store {@code yclients.company.ids} in chat, starting from the branches in
 * effect. While a chain is in effect the list is the chain's: /addbranch and /delbranch say so and change nothing.
 */
public final class BranchSetup {
    private final Settings settings;
    private final Branches branches;
    private final YclientsDirectory yclients;
    private final ServiceMappings mappings;
    private final AuditLog audit;

    public BranchSetup(Settings settings, Branches branches, YclientsDirectory yclients, ServiceMappings mappings,
                       AuditLog audit) {
        this.settings = settings;
        this.branches = branches;
        this.yclients = yclients;
        this.mappings = mappings;
        this.audit = audit;
    }

    public sealed interface ChainResult {
        /** Saved: the bot serves the chain's branches (in this order; the first is the booking's until customers pick). */
        record Saved(Branches.ChainBranches chain) implements ChainResult {}

        /** The chains are listed only with the user token: nothing saved. */
        record NoUserToken() implements ChainResult {}

        record NoPartnerToken() implements ChainResult {}

        /** YCLIENTS does not show this chain to the user (or it has no branches); {@code visible}: the chains it does show. */
        record Unknown(long groupId, List<Chain> visible) implements ChainResult {}

        /** YCLIENTS refused or did not answer: nothing saved. */
        record Failed(LiveCheck why) implements ChainResult {}
    }

    public ChainResult setChain(long groupId, long userId) {
        Optional<YclientsCredentials> creds = settings.credentials();
        if (creds.isEmpty()) {
            return new ChainResult.NoPartnerToken();
        }
        if (!creds.get().hasUserToken() || settings.get(SettingKey.YCLIENTS_USER_TOKEN).undecryptable()) {
            return new ChainResult.NoUserToken();
        }
        try {
            Optional<Branches.ChainBranches> chain = branches.readChain(groupId);
            if (chain.isEmpty() || chain.get().branches().isEmpty()) {
                return new ChainResult.Unknown(groupId, yclients.client().companies().chains(creds.get()));
            }
            settings.setInChat(SettingKey.YCLIENTS_GROUP_ID, Long.toString(groupId), userId);
            settings.rememberChainBranches(groupId, chain.get().ids());
            audit.record(userId, "setchain", "group id " + groupId + ", branches " + chain.get().ids());
            changed();
            return new ChainResult.Saved(chain.get());
        } catch (YclientsException e) {
            return new ChainResult.Failed(LiveCheck.of(e));
        } catch (NotReadyException e) {
            return new ChainResult.NoPartnerToken();
        }
    }

    public sealed interface AddResult {
        /** Saved: {@code ids} are the branches now. */
        record Added(Company company, List<Long> ids) implements AddResult {}

        record AlreadyThere(long companyId) implements AddResult {}

        /** YCLIENTS does not know the company: nothing saved. */
        record NotFound(long companyId, String message) implements AddResult {}

        /** The branches come from a chain: add the branch to it in YCLIENTS, or /unset chain first. */
        record FromChain(long groupId) implements AddResult {}

        record NoPartnerToken() implements AddResult {}

        /** YCLIENTS refused or did not answer: nothing saved. */
        record Failed(LiveCheck why) implements AddResult {}
    }

    public AddResult addBranch(long companyId, long userId) {
        Settings.BranchSelection now = settings.branchSelection();
        if (now.mode() == Settings.BranchMode.CHAIN) {
            return new AddResult.FromChain(now.groupId().getAsLong());
        }
        if (now.ids().contains(companyId)) {
            return new AddResult.AlreadyThere(companyId);
        }
        Optional<YclientsCredentials> creds = settings.credentials();
        if (creds.isEmpty()) {
            return new AddResult.NoPartnerToken();
        }
        Company company;
        try {
            company = yclients.client().companies().company(creds.get().withoutUserToken(), companyId);
        } catch (YclientsException e) {
            return e.isNotFound() ? new AddResult.NotFound(companyId, e.apiMessage()) : new AddResult.Failed(LiveCheck.of(e));
        }
        List<Long> ids = new ArrayList<>(now.ids());
        ids.add(companyId);
        save(ids, userId, "addbranch", "company id " + companyId);
        return new AddResult.Added(company, List.copyOf(ids));
    }

    public sealed interface DeleteResult {
        /** Saved: {@code ids} are the branches now; {@code buttonsKept}: the removed branch's buttons, kept for a return. */
        record Removed(long companyId, List<Long> ids, long buttonsKept) implements DeleteResult {}

        record NotABranch(long companyId, List<Long> ids) implements DeleteResult {}

        /** The only branch is not removed (/setcompany changes it). */
        record LastBranch(long companyId) implements DeleteResult {}

        record FromChain(long groupId) implements DeleteResult {}
    }

    public DeleteResult deleteBranch(long companyId, long userId) {
        Settings.BranchSelection now = settings.branchSelection();
        if (now.mode() == Settings.BranchMode.CHAIN) {
            return new DeleteResult.FromChain(now.groupId().getAsLong());
        }
        if (!now.ids().contains(companyId)) {
            return new DeleteResult.NotABranch(companyId, now.ids());
        }
        if (now.ids().size() == 1) {
            return new DeleteResult.LastBranch(companyId);
        }
        List<Long> ids = new ArrayList<>(now.ids());
        ids.remove(companyId);
        save(ids, userId, "delbranch", "company id " + companyId);
        return new DeleteResult.Removed(companyId, List.copyOf(ids), mappings.count(companyId));
    }

    private void save(List<Long> ids, long userId, String action, String detail) {
        settings.setInChat(SettingKey.YCLIENTS_COMPANY_IDS, ids.stream().map(String::valueOf).collect(Collectors.joining(",")),
                userId);
        audit.record(userId, action, detail + " → branches " + ids);
        changed();
    }

    private void changed() {
        branches.invalidate();
        yclients.invalidate();
        settings.companyId().ifPresent(mappings::adoptUnassigned);
    }
}
