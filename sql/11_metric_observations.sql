-- Each row represents one observation of one post's public metrics (one metric_snapshots row),
-- with the engagement components of its channel. This is the only place interactions are defined:
--   x:      amplification = reposts + quotes, applause = likes, conversation = replies
--   reddit: amplification = null (the API exposes no share count), applause = score,
--           conversation = replies (num_comments)
--   interactions = amplification + applause + conversation; bookmarks (x) are kept apart.
-- A missing component counts as 0 when the snapshot has at least one component of its channel;
-- a snapshot with none of them has null interactions (unknown, not zero).
with snapshots as (
    select
        channel,
        post_id,
        batch_id,
        observed_at,
        likes,
        reposts,
        replies,
        quotes,
        bookmarks,
        impressions,
        score,
        upvote_ratio,
        case
            when channel = 'x'
                then likes is not null
                or reposts is not null
                or replies is not null
                or quotes is not null
            when channel = 'reddit'
                then score is not null
                or replies is not null
            else false
        end as has_components
    from metric_snapshots
),

components as (
    select
        channel,
        post_id,
        batch_id,
        observed_at,
        likes,
        reposts,
        replies,
        quotes,
        bookmarks,
        impressions,
        score,
        upvote_ratio,
        case
            when has_components and channel = 'x'
                then coalesce(reposts, 0) + coalesce(quotes, 0)
        end as amplification,
        case
            when has_components and channel = 'x'
                then coalesce(likes, 0)
            when has_components and channel = 'reddit'
                then coalesce(score, 0)
        end as applause,
        case
            when has_components
                then coalesce(replies, 0)
        end as conversation
    from snapshots
),

final as (
    select
        channel,
        post_id,
        batch_id,
        observed_at,
        likes,
        reposts,
        replies,
        quotes,
        bookmarks,
        impressions,
        score,
        upvote_ratio,
        amplification,
        applause,
        conversation,
        coalesce(amplification, 0) + applause + conversation as interactions
    from components
)

select * from final
