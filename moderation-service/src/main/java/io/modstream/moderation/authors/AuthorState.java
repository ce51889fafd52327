package io.modstream.moderation.authors;

import io.modstream.events.Verdict;
import io.modstream.moderation.policy.AuthorActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything moderation-service keeps about one author on one site, in one value of the {@code authors} state store,
 * keyed by {@link io.modstream.events.AuthorKeys#of(String, String)}: what moderators decided (standing), the author's record (history) and what they
 * posted recently (for the duplicate and flood checks). The pipeline's author task is its only writer. Immutable.
 *
 * @param standing what moderators decided
 * @param history counts and the latest comments
 * @param recentPosts posts within the activity retention, oldest first, at most {@value #MAX_POSTS}
 */
public record AuthorState(AuthorStanding standing, AuthorHistory history, List<AuthorActivity.Post> recentPosts) {

    static final int MAX_POSTS = 50;

    public AuthorState {
        recentPosts = List.copyOf(recentPosts);
    }

    /** An author nobody has seen. */
    public static AuthorState fresh(String siteId, String authorId) {
        return new AuthorState(
                AuthorStanding.ordinary(siteId, authorId), AuthorHistory.empty(siteId, authorId), List.of());
    }

    /** What the flood and duplicate checks see. */
    public AuthorActivity activity() {
        return new AuthorActivity(recentPosts);
    }

    /**
     * After a new comment was moderated: counted in the history, and remembered as a post; posts older than
     * {@code retention} before it, and all but the latest {@value #MAX_POSTS}, are forgotten.
     */
    public AuthorState afterComment(
            String commentId, Verdict verdict, Instant at, String text, String fingerprint, Duration retention) {
        Instant since = at.minus(retention);
        List<AuthorActivity.Post> posts = new ArrayList<>(recentPosts.size() + 1);
        for (AuthorActivity.Post post : recentPosts) {
            if (!post.at().isBefore(since)) {
                posts.add(post);
            }
        }
        AuthorActivity.Post post = new AuthorActivity.Post(at, fingerprint);
        // Comments of one author arrive in log order, nearly always in time order too; keep the list sorted anyway.
        int index = posts.size();
        while (index > 0 && posts.get(index - 1).at().isAfter(at)) {
            index--;
        }
        posts.add(index, post);
        List<AuthorActivity.Post> kept =
                posts.size() > MAX_POSTS ? posts.subList(posts.size() - MAX_POSTS, posts.size()) : posts;
        return new AuthorState(standing, history.withNew(commentId, verdict, at, text), kept);
    }

    /** After a moderator decided one of the author's held comments. */
    public AuthorState afterDecision(String commentId, Verdict verdict) {
        return new AuthorState(standing, history.withDecided(commentId, verdict), recentPosts);
    }

    /** After a moderator acted on the author. */
    public AuthorState afterAction(AuthorAction action, String moderator, Instant at) {
        return new AuthorState(standing.after(action, moderator, at), history, recentPosts);
    }
}
