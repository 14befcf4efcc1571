-- Each row represents one post (any author, deleted or not) with its newest metric observation
-- (largest observed_at; batch_id breaks ties) and how many observations it has.
with ranked as (
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
        interactions,
        row_number() over (
            partition by
                channel,
                post_id
            order by
                observed_at desc,
                batch_id desc
        ) as recency,
        count(*) over (
            partition by
                channel,
                post_id
        ) as observations
    from metric_observations
),

final as (
    select
        channel,
        post_id,
        batch_id,
        observed_at,
        observations,
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
        interactions
    from ranked
    where recency = 1
)

select * from final
